// A QR code drawn with ImGui rectangles (nayuki's qrcodegen, Debian's
// libqrcodegencpp, makes it): black modules on white with the four-module
// quiet zone a phone's camera needs.
#ifndef ATRIUM_KIOSK_UI_QR_VIEW_H_
#define ATRIUM_KIOSK_UI_QR_VIEW_H_

#include <string>

namespace atrium::kiosk {

// At the cursor, `module_px` pixels a module; nothing for text too long
// for a QR code.
void QrView(const std::string& text, float module_px);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_QR_VIEW_H_
