// Touch-first widgets: large buttons and the on-screen keyboard.
#ifndef ATRIUM_KIOSK_UI_WIDGETS_H_
#define ATRIUM_KIOSK_UI_WIDGETS_H_

#include <imgui.h>

#include <string>
#include <vector>

#include "model/on_screen_keyboard.h"

namespace atrium::kiosk {

// At least a fingertip (64 px) high.
bool BigButton(const char* label, ImVec2 size = ImVec2(0, 0));
// A button that shows as chosen.
bool Chip(const char* label, bool chosen);
// `k`'s current page, rows of keys across `width`; a touch presses one.
// True when a key was pressed.
bool KeyboardView(OnScreenKeyboard& k, float width, float key_height);

// Where each touch target was drawn, by the text it shows, for scripted
// runs (a test taps "星巴克" rather than a pixel). Each widget above adds
// its own; a list row adds itself with RecordTarget after it is drawn.
struct TouchTarget {
  std::string label;
  ImVec2 min;
  ImVec2 max;
};
void RecordTarget(const char* label);
// Text shown with ImGui::Text, as the last item: a line a test reads from
// the text layer (a status, a member's card), drawn and recorded.
void ShownText(const std::string& text);
// Starts a frame's list.
void BeginTargets();
// The targets drawn since the frame began: between frames, all of the
// last one's.
const std::vector<TouchTarget>& DrawnTargets();

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_WIDGETS_H_
