// atrium-kiosk: the kiosk on GLFW and OpenGL 3, the one place that knows
// of windows and reads the clock. Reads the mall (programme, floor plan,
// coupon names) from a folder, keeps its replica in a file and syncs it
// with atriumd on a worker, talks to atriumd for parking, and draws
// KioskScreen only when something changed: a touch, a key, a scanner's
// text, a sync, or the idle timer's next step. Flags: app/flags.h.
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <climits>
#include <cstdio>
#include <ctime>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/flags.h"
#include "app/frame_capture.h"
#include "app/measure.h"
#include "app/script.h"
#include "atrium/codec/mall_files.h"
#include "atrium/guide.h"
#include "model/member_visit.h"
#include "model/parking_flow.h"
#include "net/http_parking_desk.h"
#include "net/kiosk_replica.h"
#include "ui/fonts.h"
#include "ui/kiosk_screen.h"
#include "ui/widgets.h"
#include "ui/words.h"

namespace {

using namespace atrium;
using namespace atrium::kiosk;

// Input since the last frame, and what the scanner typed.
struct Input {
  bool touched = false;
  std::string scanned;
  std::vector<std::string> lines;
};
Input g_input;

void OnChar(GLFWwindow*, unsigned int c) {
  g_input.touched = true;
  if (c < 0x80) g_input.scanned += static_cast<char>(c);
}
void OnKey(GLFWwindow*, int key, int, int action, int) {
  g_input.touched = true;
  if (action == GLFW_PRESS && key == GLFW_KEY_ENTER &&
      !g_input.scanned.empty()) {
    g_input.lines.push_back(g_input.scanned);
    g_input.scanned.clear();
  }
}
void OnMouse(GLFWwindow*, int, int, int) { g_input.touched = true; }
void OnCursor(GLFWwindow*, double, double) { g_input.touched = true; }

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

Timestamp WallClock() {
  return Timestamp::FromUnixSeconds(static_cast<int64_t>(std::time(nullptr)));
}

}  // namespace

int main(int argc, char** argv) {
  std::variant<Flags, int> parsed = 2;
  try {
    parsed = ParseFlags(argc, argv);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "atrium-kiosk: %s\n", e.what());
  }
  if (const int* exit = std::get_if<int>(&parsed)) return *exit;
  const Flags* flags = std::get_if<Flags>(&parsed);  // not null: no exit
  StatusOr<codec::MallFiles> files = codec::LoadMallFiles(flags->demo);
  if (files.ok() && !files->map) {
    files = NotFound(flags->demo + "/map.json: a kiosk needs the floor plan");
  }
  if (!files.ok()) {
    std::fprintf(stderr, "atrium-kiosk: %s\n",
                 files.status().ToString().c_str());
    return 1;
  }
  const Mall* mall = files->program.group.FindMall(MallId(flags->mall));
  if (mall == nullptr) {
    std::fprintf(stderr, "atrium-kiosk: no mall %s\n", flags->mall.c_str());
    return 1;
  }

  // The guide's plan; a parking kiosk's too, for the way to a car.
  std::optional<Guide> guide;
  if (StatusOr<Guide> g = Guide::Create(*mall, *files->map, flags->device);
      g.ok()) {
    guide.emplace(std::move(*g));
  } else if (flags->mode == "guide") {
    std::fprintf(stderr, "atrium-kiosk: %s\n", g.status().ToString().c_str());
    return 1;
  }
  ServerAddress address;
  address.device = flags->device;
  address.key = flags->key;
  if (const size_t colon = flags->server.rfind(':');
      colon != std::string::npos) {
    address.host = flags->server.substr(0, colon);
    address.port =
        static_cast<uint16_t>(std::atoi(flags->server.c_str() + colon + 1));
  }
  KioskReplica::Options options;
  options.path = flags->replica;
  options.mall = mall->id;
  options.clock = WallClock;
  // The worker wakes the main loop, which waits for events, to draw.
  options.on_change = [] { glfwPostEmptyEvent(); };
  StatusOr<std::unique_ptr<KioskReplica>> replica =
      KioskReplica::Open(address, files->program, std::move(options));
  if (!replica.ok()) {
    std::fprintf(stderr, "atrium-kiosk: %s: %s\n", flags->replica.c_str(),
                 replica.status().ToString().c_str());
    return 1;
  }
  ServerLink link(address);
  HttpParkingDesk desk(link);
  std::optional<ParkingFlow> parking;
  if (flags->mode == "parking") parking.emplace(desk);
  MemberVisit visit(**replica);

  std::optional<Script> script;
  if (!flags->script.empty()) {
    StatusOr<Script> loaded = Script::Load(flags->script);
    if (!loaded.ok()) {
      std::fprintf(stderr, "atrium-kiosk: %s\n",
                   loaded.status().ToString().c_str());
      return 1;
    }
    script.emplace(std::move(*loaded));
  }

  if (!glfwInit()) {
    std::fprintf(stderr, "atrium-kiosk: no display\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 0);
  GLFWmonitor* monitor = flags->fullscreen ? glfwGetPrimaryMonitor() : nullptr;
  GLFWwindow* window = glfwCreateWindow(flags->width, flags->height,
                                        "atrium-kiosk", monitor, nullptr);
  if (window == nullptr) {
    std::fprintf(stderr, "atrium-kiosk: cannot open a window\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(flags->measure_frames > 0 ? 0 : 1);
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
  std::vector<std::string> texts = AllWords();
  for (std::string& key : OnScreenKeyboard::AllLabels())
    texts.push_back(std::move(key));
  for (const Store& s : mall->stores) texts.push_back(s.name);
  for (const std::string& name : files->coupon_names) texts.push_back(name);
  texts.push_back(mall->name);
  const Fonts fonts = LoadFonts(flags->font, 32.0F, texts);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  const std::string app_url =
      flags->app_url.empty()
          ? "http://" + flags->server + "/app/?mall=" + flags->mall
          : flags->app_url;
  KioskScreen screen(mall->name, guide ? &*guide : nullptr, &visit,
                     parking ? &*parking : nullptr, files->program.earning,
                     mall->calendar, fonts, app_url);
  screen.set_wake([] { glfwPostEmptyEvent(); });
  if (parking && !flags->plate.empty()) screen.OnPlate(flags->plate);
  (*replica)->Start();

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
    if (flags->measure_idle > 0 && now >= idle_until) break;
    const bool measuring = !script && flags->measure_frames > 0;
    if (settle <= 0 && flags->frames == 0 && !script && !measuring) {
      // Nothing changes until input, a sync or the idle timer's next step.
      if (flags->measure_idle > 0 && idle_until == INT64_MAX) {
        idle_until = now + int64_t{flags->measure_idle} * 1000;
        idle_cpu_from = ProcessCpuUs();
      }
      int64_t next = screen.NextChangeAt(now);
      if (flags->measure_idle > 0) next = std::min(next, idle_until);
      const double wait =
          std::max(0.0, static_cast<double>(next - now) / 1000.0);
      glfwWaitEventsTimeout(std::min(wait + 0.01, 60.0));
    } else {
      glfwPollEvents();
    }
    const bool touched = g_input.touched || first || measuring;
    first = false;
    g_input.touched = false;
    settle = touched ? 3 : settle - 1;
    for (const std::string& line : g_input.lines) screen.OnScannedText(line);
    g_input.lines.clear();

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
        if (flags->measure_frames == 0) break;
      } else {
        scripted = true;
      }
      if (!step.scan.empty()) screen.OnScannedText(step.scan);
      if (!step.plate.empty() && parking) screen.OnPlate(step.plate);
      if (step.sync) {
        (void)(*replica)->SyncOnce();
        screen.PollPayment();
      }
    }
    screen.set_sync((*replica)->sync_state());
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
      if (++measured >= flags->measure_frames) break;
    }
    if (!step.shot.empty() && !(WritePpm(step.shot, w, h) &&
                                WriteTextLayer(step.shot + ".targets"))) {
      std::fprintf(stderr, "atrium-kiosk: cannot write %s\n",
                   step.shot.c_str());
      exit_code = 1;
    }
    if (flags->frames > 0 && ++drawn >= flags->frames) {
      if (!flags->screenshot.empty() && !WritePpm(flags->screenshot, w, h)) {
        std::fprintf(stderr, "atrium-kiosk: cannot write %s\n",
                     flags->screenshot.c_str());
      }
      break;
    }
    glfwSwapBuffers(window);
  }
  if (flags->measure_frames > 0) {
    std::printf("frames at %dx%d\n", flags->width, flags->height);
    PrintFigures("UI build CPU", build_us);
    PrintFigures("render CPU", render_us);
    for (size_t i = 0; i < build_us.size(); ++i) build_us[i] += render_us[i];
    PrintFigures("build + render CPU", build_us);
  }
  if (flags->measure_idle > 0) {
    const int64_t used = ProcessCpuUs() - idle_cpu_from;
    std::printf(
        "idle %d s: %.1f ms CPU (%.3f%% of one core)\n", flags->measure_idle,
        static_cast<double>(used) / 1000.0,
        static_cast<double>(used) / 10.0 / flags->measure_idle / 1000.0);
  }
  replica->reset();  // its worker wakes GLFW: done before GLFW ends
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}
