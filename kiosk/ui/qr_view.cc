#include "ui/qr_view.h"

#include <imgui.h>

#include <optional>
#include <qrcodegen.hpp>
#include <stdexcept>

namespace atrium::kiosk {

void QrView(const std::string& text, float module_px) {
  constexpr int kQuiet = 4;
  // The library reports text beyond a QR code's capacity by throwing.
  std::optional<qrcodegen::QrCode> qr;
  try {
    qr = qrcodegen::QrCode::encodeText(text.c_str(),
                                       qrcodegen::QrCode::Ecc::MEDIUM);
  } catch (const std::length_error&) {
    return;
  }
  const int side = qr->getSize() + 2 * kQuiet;
  const ImVec2 at = ImGui::GetCursorScreenPos();
  ImDrawList* draw = ImGui::GetWindowDrawList();
  const float px = static_cast<float>(side) * module_px;
  draw->AddRectFilled(at, ImVec2(at.x + px, at.y + px), IM_COL32_WHITE);
  for (int y = 0; y < qr->getSize(); ++y) {
    for (int x = 0; x < qr->getSize(); ++x) {
      if (!qr->getModule(x, y)) continue;
      const ImVec2 a(at.x + static_cast<float>(x + kQuiet) * module_px,
                     at.y + static_cast<float>(y + kQuiet) * module_px);
      draw->AddRectFilled(a, ImVec2(a.x + module_px, a.y + module_px),
                          IM_COL32_BLACK);
    }
  }
  ImGui::Dummy(ImVec2(px, px));
}

}  // namespace atrium::kiosk
