// atrium-kiosk: reads the mall (programme, floor plan, coupon names) from
// a folder, keeps its replica in a file and syncs it with atriumd on a
// worker, talks to atriumd for parking, opens the window (app/window.h)
// and draws KioskScreen only when something changed (app/frame_loop.h).
// Flags: app/flags.h.
#include <GLFW/glfw3.h>

#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/clock.h"
#include "app/flags.h"
#include "app/frame_loop.h"
#include "app/script.h"
#include "app/window.h"
#include "atrium/codec/mall_files.h"
#include "atrium/map/guide.h"
#include "model/member_visit.h"
#include "model/parking_flow.h"
#include "net/http_parking_desk.h"
#include "net/kiosk_replica.h"
#include "ui/fonts.h"
#include "ui/kiosk_screen.h"
#include "ui/words.h"

using namespace atrium;
using namespace atrium::kiosk;

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

  std::vector<std::string> texts = AllWords();
  for (std::string& key : OnScreenKeyboard::AllLabels())
    texts.push_back(std::move(key));
  for (const Store& s : mall->stores) texts.push_back(s.name);
  for (const std::string& name : files->coupon_names) texts.push_back(name);
  texts.push_back(mall->name);
  Fonts fonts;
  GLFWwindow* window = OpenWindow(*flags, texts, fonts);
  if (window == nullptr) return 1;

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

  const int exit_code =
      RunFrames(window, screen, **replica, std::move(script), *flags);
  replica->reset();  // its worker wakes GLFW: done before GLFW ends
  CloseWindow(window);
  return exit_code;
}
