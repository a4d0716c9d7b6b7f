// What a headless run saves of a frame: the picture as drawn (PPM), and
// its text layer (ui/widgets.h), for tests to read.
#ifndef ATRIUM_KIOSK_APP_FRAME_CAPTURE_H_
#define ATRIUM_KIOSK_APP_FRAME_CAPTURE_H_

#include <string>

namespace atrium::kiosk {

// The current GL framebuffer, `width` × `height`. False if not written.
bool WritePpm(const std::string& path, int width, int height);
// Every label drawn in the last frame, one a line.
bool WriteTextLayer(const std::string& path);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_APP_FRAME_CAPTURE_H_
