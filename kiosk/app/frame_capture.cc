#include "app/frame_capture.h"

#include <GL/gl.h>

#include <fstream>
#include <vector>

#include "ui/widgets.h"

namespace atrium::kiosk {

// The frame as shown: bottom row last in GL, top row first in the file.
bool WritePpm(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  std::ofstream out(path, std::ios::binary);
  out << "P6\n" << width << " " << height << "\n255\n";
  for (int y = height - 1; y >= 0; --y) {
    out.write(reinterpret_cast<const char*>(
                  &pixels[static_cast<size_t>(y) * width * 3]),
              static_cast<std::streamsize>(width) * 3);
  }
  return static_cast<bool>(out);
}

bool WriteTextLayer(const std::string& path) {
  std::ofstream out(path);
  for (const TouchTarget& t : DrawnTargets()) out << t.label << "\n";
  return static_cast<bool>(out);
}

}  // namespace atrium::kiosk
