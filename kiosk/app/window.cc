#include "app/window.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdio>
#include <utility>

namespace atrium::kiosk {
namespace {

// Input since the last frame, and what the scanner is typing.
struct Pending {
  Input input;
  std::string scanned;
};
Pending g_pending;

void OnChar(GLFWwindow*, unsigned int c) {
  g_pending.input.touched = true;
  if (c < 0x80) g_pending.scanned += static_cast<char>(c);
}
void OnKey(GLFWwindow*, int key, int, int action, int) {
  g_pending.input.touched = true;
  if (action == GLFW_PRESS && key == GLFW_KEY_ENTER &&
      !g_pending.scanned.empty()) {
    g_pending.input.lines.push_back(g_pending.scanned);
    g_pending.scanned.clear();
  }
}
void OnMouse(GLFWwindow*, int, int, int) { g_pending.input.touched = true; }
void OnCursor(GLFWwindow*, double, double) { g_pending.input.touched = true; }

}  // namespace

Input TakeInput() { return std::exchange(g_pending.input, Input()); }

GLFWwindow* OpenWindow(const Flags& flags,
                       const std::vector<std::string>& texts, Fonts& fonts) {
  if (!glfwInit()) {
    std::fprintf(stderr, "atrium-kiosk: no display\n");
    return nullptr;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWmonitor* monitor = flags.fullscreen ? glfwGetPrimaryMonitor() : nullptr;
  GLFWwindow* window = glfwCreateWindow(flags.width, flags.height,
                                        "atrium-kiosk", monitor, nullptr);
  if (window == nullptr) {
    std::fprintf(stderr, "atrium-kiosk: cannot open a window\n");
    glfwTerminate();
    return nullptr;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(flags.measure_frames > 0 ? 0 : 1);
  // Ours first: ImGui's backend chains to them.
  glfwSetCharCallback(window, OnChar);
  glfwSetKeyCallback(window, OnKey);
  glfwSetMouseButtonCallback(window, OnMouse);
  glfwSetCursorPosCallback(window, OnCursor);

  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // a public screen keeps no layout
  ImGui::StyleColorsLight();
  ImGui::GetStyle().ScaleAllSizes(2.0F);
  fonts = LoadFonts(flags.font, 32.0F, texts);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  return window;
}

void CloseWindow(GLFWwindow* window) {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
}

}  // namespace atrium::kiosk
