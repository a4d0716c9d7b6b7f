// atrium-kiosk: the kiosk on GLFW and OpenGL 3, the one place that knows
// of windows. Reads the mall (programme and floor plan) from a folder,
// talks to atriumd for parking, and draws KioskScreen only when something
// changed: a touch, a key, a scanner's text, or the idle timer's next step.
//
//   atrium-kiosk --mode guide|parking --demo shared/demo-mall
//                [--device ID --key KEY --server HOST:PORT]
//                [--width 1920 --height 1080 --fullscreen] [--font FILE]
//                [--plate TEXT] [--frames N --screenshot FILE.ppm]
//                [--script FILE]   (a scripted run for tests: app/script.h)
//                [--app-url URL]   (the H5 app, as the guide's QR code)
#include <GLFW/glfw3.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "app/script.h"
#include "atrium/codec/map_json.h"
#include "atrium/codec/program_json.h"
#include "model/guide.h"
#include "model/parking_flow.h"
#include "net/http_parking_desk.h"
#include "net/simulated_provider.h"
#include "ui/fonts.h"
#include "ui/kiosk_screen.h"
#include "ui/widgets.h"
#include "ui/words.h"

namespace {

using namespace atrium;
using namespace atrium::kiosk;

struct Flags {
  std::string mode;
  std::string demo = "shared/demo-mall";
  std::string device = "kiosk-xinjie-1f";
  std::string key = "demo-kiosk-xinjie-1f-key";
  std::string server = "127.0.0.1:8080";
  std::string mall = "m-xinjie";
  std::string font = kDefaultFont;
  std::string plate;
  std::string screenshot;
  std::string script;
  std::string app_url;  // default: the server's /app/ at this mall
  int width = 1920;
  int height = 1080;
  int frames = 0;
  bool fullscreen = false;
};

std::optional<Flags> ParseFlags(int argc, char** argv) {
  Flags f;
  std::map<std::string, std::string*> text = {{"--mode", &f.mode},
                                              {"--demo", &f.demo},
                                              {"--device", &f.device},
                                              {"--key", &f.key},
                                              {"--server", &f.server},
                                              {"--mall", &f.mall},
                                              {"--font", &f.font},
                                              {"--plate", &f.plate},
                                              {"--screenshot", &f.screenshot},
                                              {"--script", &f.script},
                                              {"--app-url", &f.app_url}};
  std::map<std::string, int*> numbers = {
      {"--width", &f.width}, {"--height", &f.height}, {"--frames", &f.frames}};
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--fullscreen") {
      f.fullscreen = true;
    } else if (text.contains(flag) && i + 1 < argc) {
      *text[flag] = argv[++i];
    } else if (numbers.contains(flag) && i + 1 < argc) {
      *numbers[flag] = std::atoi(argv[++i]);
    } else {
      std::fprintf(stderr, "atrium-kiosk: unknown or incomplete flag %s\n",
                   flag.c_str());
      return std::nullopt;
    }
  }
  if (f.mode != "guide" && f.mode != "parking") {
    std::fprintf(stderr, "atrium-kiosk: --mode guide or --mode parking\n");
    return std::nullopt;
  }
  return f;
}

StatusOr<codec::Json> ReadJson(const std::string& path) {
  std::ifstream in(path);
  if (!in) return NotFound("cannot read " + path);
  std::stringstream s;
  s << in.rdbuf();
  return codec::ParseJson(s.str());
}

// What the screen shows of the mall: its programme and floor plan.
struct MallFiles {
  Program program;
  std::optional<MallMap> map;
};

StatusOr<MallFiles> LoadMall(const std::string& dir) {
  StatusOr<codec::Json> program = ReadJson(dir + "/program.json");
  if (!program.ok()) return program.status();
  StatusOr<Program> p = codec::ProgramFromJson(*program);
  if (!p.ok()) return p.status();
  StatusOr<codec::Json> map = ReadJson(dir + "/map.json");
  if (!map.ok()) return map.status();
  StatusOr<MallMap> m = codec::MapFromJson(*map);
  if (!m.ok()) return m.status();
  return MallFiles{std::move(*p), std::move(*m)};
}

// The frame as shown, bottom row last in GL, top row first in the file.
bool WritePpm(const std::string& path, int width, int height) {
  std::vector<unsigned char> pixels(static_cast<size_t>(width) * height * 3);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, width, height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
  std::ofstream out(path, std::ios::binary);
  out << "P6\n" << width << " " << height << "\n255\n";
  for (int y = height - 1; y >= 0; --y) {
    out.write(reinterpret_cast<const char*>(
                  &pixels[static_cast<size_t>(y) * width * 3]),
              static_cast<std::streamsize>(width) * 3);
  }
  return static_cast<bool>(out);
}

// The text layer of a shot: every touch target's label, one a line.
bool WriteTargets(const std::string& path) {
  std::ofstream out(path);
  for (const TouchTarget& t : DrawnTargets()) out << t.label << "\n";
  return static_cast<bool>(out);
}

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

}  // namespace

int main(int argc, char** argv) {
  std::optional<Flags> flags = ParseFlags(argc, argv);
  if (!flags) return 2;
  StatusOr<MallFiles> files = LoadMall(flags->demo);
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

  std::optional<Guide> guide;
  if (flags->mode == "guide") {
    StatusOr<Guide> g = Guide::Create(*mall, *files->map, flags->device);
    if (!g.ok()) {
      std::fprintf(stderr, "atrium-kiosk: %s\n", g.status().ToString().c_str());
      return 1;
    }
    guide.emplace(std::move(*g));
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
  ServerLink link(address);
  HttpParkingDesk desk(link);
  SimulatedProvider provider;
  std::optional<ParkingFlow> parking;
  if (flags->mode == "parking") parking.emplace(desk, provider);

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
  glfwSwapInterval(1);
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
  texts.push_back(mall->name);
  const Fonts fonts = LoadFonts(flags->font, 32.0F, texts);
  ImGui_ImplGlfw_InitForOpenGL(window, true);
  ImGui_ImplOpenGL3_Init("#version 130");

  const std::string app_url =
      flags->app_url.empty()
          ? "http://" + flags->server + "/app/?mall=" + flags->mall
          : flags->app_url;
  KioskScreen screen(mall->name, guide ? &*guide : nullptr,
                     parking ? &*parking : nullptr, mall->calendar, fonts,
                     app_url);
  if (parking && !flags->plate.empty()) (void)parking->EnterPlate(flags->plate);

  int drawn = 0;
  int settle = 3;  // frames to draw after input, for hover and release
  bool first = true;
  int exit_code = 0;
  while (!glfwWindowShouldClose(window)) {
    const int64_t now = NowMs();
    if (settle <= 0 && flags->frames == 0 && !script) {
      // Nothing changes until input or the idle timer's next step.
      const double wait = std::max(
          0.0, static_cast<double>(screen.NextChangeAt(now) - now) / 1000.0);
      glfwWaitEventsTimeout(std::min(wait + 0.01, 60.0));
    } else {
      glfwPollEvents();
    }
    const bool touched = g_input.touched || first;
    first = false;
    g_input.touched = false;
    settle = touched ? 3 : settle - 1;
    for (const std::string& line : g_input.lines) screen.OnScannedText(line);
    g_input.lines.clear();

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    Script::Frame step;
    bool scripted = false;
    if (script) {
      Status error;
      if (!script->Next(ImGui::GetIO(), step, error)) {
        if (!error.ok()) {
          std::fprintf(stderr, "atrium-kiosk: %s\n", error.ToString().c_str());
          exit_code = 1;
        }
        break;
      }
      scripted = true;
      if (!step.scan.empty()) screen.OnScannedText(step.scan);
      if (!step.plate.empty() && parking) (void)parking->EnterPlate(step.plate);
    }
    // Parking talks to the server: the header says whether it answered.
    if (parking) {
      screen.set_online(parking->error().code() != StatusCode::kUnavailable);
    }
    ImGui::NewFrame();
    screen.Draw(NowMs(), touched || scripted);
    ImGui::Render();
    int w = 0;
    int h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    glViewport(0, 0, w, h);
    glClearColor(0.96F, 0.95F, 0.93F, 1.0F);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!step.shot.empty() &&
        !(WritePpm(step.shot, w, h) && WriteTargets(step.shot + ".targets"))) {
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
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplGlfw_Shutdown();
  ImGui::DestroyContext();
  glfwDestroyWindow(window);
  glfwTerminate();
  return exit_code;
}
