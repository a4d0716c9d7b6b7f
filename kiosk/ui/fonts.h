// The kiosk's fonts: a CJK font from a Debian package (fonts-wqy-microhei
// by default) at two sizes, body and heading, holding the common
// simplified characters and every character of `texts` (the mall's store
// names and the kiosk's words: some are outside the common set).
#ifndef ATRIUM_KIOSK_UI_FONTS_H_
#define ATRIUM_KIOSK_UI_FONTS_H_

#include <string>
#include <vector>

struct ImFont;

namespace atrium::kiosk {

inline constexpr const char* kDefaultFont =
    "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

struct Fonts {
  ImFont* body = nullptr;
  ImFont* heading = nullptr;
};

// Adds the fonts to the current ImGui context's atlas; nulls when the
// font file cannot be read (ImGui's own font then shows, without CJK).
Fonts LoadFonts(const std::string& path, float size,
                const std::vector<std::string>& texts);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_FONTS_H_
