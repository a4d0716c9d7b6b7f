// The kiosk's window: GLFW with an OpenGL 3 context and Dear ImGui over it
// (its GLFW and OpenGL 3 backends, the kiosk's style and fonts), and the
// input since the last frame: touches, and the lines a keyboard-wedge
// scanner typed (a member code, then Enter).
#ifndef ATRIUM_KIOSK_APP_WINDOW_H_
#define ATRIUM_KIOSK_APP_WINDOW_H_

#include <GLFW/glfw3.h>

#include <string>
#include <vector>

#include "app/flags.h"
#include "ui/fonts.h"

namespace atrium::kiosk {

struct Input {
  bool touched = false;
  std::vector<std::string> lines;  // whole lines the scanner typed
};
// What arrived since the last call (a line half typed stays for the next).
Input TakeInput();

// Opens the window as `flags` ask, with fonts for `texts` in `fonts`; null,
// having said why on stderr, when there is no display.
GLFWwindow* OpenWindow(const Flags& flags,
                       const std::vector<std::string>& texts, Fonts& fonts);
void CloseWindow(GLFWwindow* window);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_APP_WINDOW_H_
