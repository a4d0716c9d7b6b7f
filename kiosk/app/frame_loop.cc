#include "app/frame_loop.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <climits>
#include <cstdio>
#include <vector>

#include "app/clock.h"
#include "app/frame_capture.h"
#include "app/measure.h"
#include "app/window.h"

namespace atrium::kiosk {

int RunFrames(GLFWwindow* window, KioskScreen& screen, KioskReplica& replica,
              std::optional<Script> script, const Flags& flags) {
  int drawn = 0;
  int settle = 3;  // frames to draw after input, for hover and release
  bool first = true;
  int exit_code = 0;
  int measured = 0;  // frames redrawn for --measure-frames
  std::vector<int64_t> build_us;
  std::vector<int64_t> render_us;
  // --measure-idle counts from the first wait, after the first frames.
  int64_t idle_until = INT64_MAX;
  int64_t idle_cpu_from = 0;
  while (!glfwWindowShouldClose(window)) {
    const int64_t now = NowMs();
    if (flags.measure_idle > 0 && now >= idle_until) break;
    const bool measuring = !script && flags.measure_frames > 0;
    if (settle <= 0 && flags.frames == 0 && !script && !measuring) {
      // Nothing changes until input, a sync or the idle timer's next step.
      if (flags.measure_idle > 0 && idle_until == INT64_MAX) {
        idle_until = now + int64_t{flags.measure_idle} * 1000;
        idle_cpu_from = ProcessCpuUs();
      }
      int64_t next = screen.NextChangeAt(now);
      if (flags.measure_idle > 0) next = std::min(next, idle_until);
      const double wait =
          std::max(0.0, static_cast<double>(next - now) / 1000.0);
      glfwWaitEventsTimeout(std::min(wait + 0.01, 60.0));
    } else {
      glfwPollEvents();
    }
    const Input input = TakeInput();
    const bool touched = input.touched || first || measuring;
    first = false;
    settle = touched ? 3 : settle - 1;
    for (const std::string& line : input.lines) screen.OnScannedText(line);

    const int64_t build_from = ThreadCpuUs();
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    Script::Frame step;
    bool scripted = false;
    if (script) {
      Status error;
      if (!script->Next(ImGui::GetIO(), screen.busy(), step, error)) {
        if (!error.ok()) {
          std::fprintf(stderr, "atrium-kiosk: %s\n", error.ToString().c_str());
          exit_code = 1;
          break;
        }
        script.reset();  // done: measure, or stop
        if (flags.measure_frames == 0) break;
      } else {
        scripted = true;
      }
      if (!step.scan.empty()) screen.OnScannedText(step.scan);
      if (!step.plate.empty()) screen.OnPlate(step.plate);
      if (step.sync) {
        (void)replica.SyncOnce();
        screen.PollPayment();
      }
    }
    screen.set_sync(replica.sync_state());
    ImGui::NewFrame();
    screen.Draw(NowMs(), WallClock(), touched || scripted);
    ImGui::Render();
    const int64_t render_from = ThreadCpuUs();
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.96F, 0.95F, 0.93F, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (measuring) {
      build_us.push_back(render_from - build_from);
      render_us.push_back(ThreadCpuUs() - render_from);
      if (++measured >= flags.measure_frames) break;
    }
    if (!step.shot.empty() && !(WritePpm(step.shot, w, h) &&
                                WriteTextLayer(step.shot + ".targets"))) {
      std::fprintf(stderr, "atrium-kiosk: cannot write %s\n",
                   step.shot.c_str());
      exit_code = 1;
    }
    if (flags.frames > 0 && ++drawn >= flags.frames) {
      if (!flags.screenshot.empty() && !WritePpm(flags.screenshot, w, h)) {
        std::fprintf(stderr, "atrium-kiosk: cannot write %s\n",
                     flags.screenshot.c_str());
      }
      break;
    }
    glfwSwapBuffers(window);
  }
  if (flags.measure_frames > 0) {
    std::printf("frames at %dx%d\n", flags.width, flags.height);
    PrintFigures("UI build CPU", build_us);
    PrintFigures("render CPU", render_us);
    for (size_t i = 0; i < build_us.size(); ++i) build_us[i] += render_us[i];
    PrintFigures("build + render CPU", build_us);
  }
  if (flags.measure_idle > 0) {
    const int64_t used = ProcessCpuUs() - idle_cpu_from;
    std::printf("idle %d s: %.1f ms CPU (%.3f%% of one core)\n",
                flags.measure_idle, static_cast<double>(used) / 1000.0,
                static_cast<double>(used) / 10.0 / flags.measure_idle / 1000.0);
  }
  return exit_code;
}

}  // namespace atrium::kiosk
