#include "ui/fonts.h"

#include <imgui.h>

#include <fstream>

namespace atrium::kiosk {

Fonts LoadFonts(const std::string& path, float size,
                const std::vector<std::string>& texts) {
  if (!std::ifstream(path)) return {};
  ImGuiIO& io = ImGui::GetIO();
  // The atlas reads the ranges when it builds: they must outlive this call.
  static ImVector<ImWchar> ranges;
  ranges.clear();
  ImFontGlyphRangesBuilder builder;
  builder.AddRanges(io.Fonts->GetGlyphRangesChineseSimplifiedCommon());
  for (const std::string& t : texts) builder.AddText(t.c_str());
  builder.AddText("¥·←→↑↓•");
  builder.BuildRanges(&ranges);
  ImFontConfig config;
  config.FontNo = 0;
  config.OversampleH = 1;  // large text: no need, and the atlas stays small
  Fonts f;
  f.body =
      io.Fonts->AddFontFromFileTTF(path.c_str(), size, &config, ranges.Data);
  f.heading = io.Fonts->AddFontFromFileTTF(path.c_str(), size * 1.6F, &config,
                                           ranges.Data);
  return f;
}

}  // namespace atrium::kiosk
