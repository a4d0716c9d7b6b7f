// Touch-first widgets: large buttons and the on-screen keyboard.
#ifndef ATRIUM_KIOSK_UI_WIDGETS_H_
#define ATRIUM_KIOSK_UI_WIDGETS_H_

#include <imgui.h>

#include "model/on_screen_keyboard.h"

namespace atrium::kiosk {

// At least a fingertip (64 px) high.
bool BigButton(const char* label, ImVec2 size = ImVec2(0, 0));
// A button that shows as chosen.
bool Chip(const char* label, bool chosen);
// `k`'s current page, rows of keys across `width`; a touch presses one.
// True when a key was pressed.
bool KeyboardView(OnScreenKeyboard& k, float width, float key_height);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_UI_WIDGETS_H_
