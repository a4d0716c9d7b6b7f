#include "ui/widgets.h"

#include <algorithm>

namespace atrium::kiosk {
namespace {

std::vector<TouchTarget> g_drawn;

}  // namespace

void RecordTarget(const char* label) {
  std::string shown(label);
  if (const size_t hidden = shown.find("##"); hidden != std::string::npos) {
    shown.resize(hidden);
  }
  g_drawn.push_back(
      {std::move(shown), ImGui::GetItemRectMin(), ImGui::GetItemRectMax()});
}

void ShownText(const std::string& text) {
  ImGui::TextUnformatted(text.c_str());
  RecordTarget(text.c_str());
}

void BeginTargets() { g_drawn.clear(); }

const std::vector<TouchTarget>& DrawnTargets() { return g_drawn; }

bool BigButton(const char* label, ImVec2 size) {
  size.y = std::max(size.y, 64.0F);
  const bool pressed = ImGui::Button(label, size);
  RecordTarget(label);
  return pressed;
}

bool Chip(const char* label, bool chosen) {
  if (chosen) {
    ImGui::PushStyleColor(ImGuiCol_Button,
                          ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
  }
  const bool pressed = ImGui::Button(label, ImVec2(0, 56));
  RecordTarget(label);
  if (chosen) ImGui::PopStyleColor();
  return pressed;
}

bool KeyboardView(OnScreenKeyboard& k, float width, float key_height) {
  bool pressed = false;
  const float gap = ImGui::GetStyle().ItemSpacing.x;
  size_t widest = 1;
  for (const auto& row : k.Rows()) widest = std::max(widest, row.size());
  const float key_width = (width - gap * static_cast<float>(widest - 1)) /
                          static_cast<float>(widest);
  const auto rows = k.Rows();  // a press may turn the page
  int id = 0;
  for (size_t r = 0; r < rows.size(); ++r) {
    const auto& row = rows[r];
    // The last row's few keys (clear, delete, page) share the width.
    const float w = r + 1 == rows.size()
                        ? (width - gap * static_cast<float>(row.size() - 1)) /
                              static_cast<float>(row.size())
                        : key_width;
    for (size_t i = 0; i < row.size(); ++i) {
      if (i > 0) ImGui::SameLine();
      ImGui::PushID(id++);
      if (ImGui::Button(row[i].c_str(), ImVec2(w, key_height))) {
        pressed = k.Press(row[i]) || pressed;
      }
      RecordTarget(row[i].c_str());
      ImGui::PopID();
    }
  }
  return pressed;
}

}  // namespace atrium::kiosk
