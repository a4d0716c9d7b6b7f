#include "app/flags.h"

#include <cstdio>
#include <cstdlib>
#include <map>

namespace atrium::kiosk {

std::optional<Flags> ParseFlags(int argc, char** argv) {
  Flags f;
  std::map<std::string, std::string*> text = {
      {"--mode", &f.mode},       {"--demo", &f.demo},
      {"--device", &f.device},   {"--key", &f.key},
      {"--server", &f.server},   {"--mall", &f.mall},
      {"--replica", &f.replica}, {"--font", &f.font},
      {"--plate", &f.plate},     {"--screenshot", &f.screenshot},
      {"--script", &f.script},   {"--app-url", &f.app_url}};
  std::map<std::string, int*> numbers = {
      {"--width", &f.width},
      {"--height", &f.height},
      {"--frames", &f.frames},
      {"--measure-frames", &f.measure_frames},
      {"--measure-idle", &f.measure_idle}};
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
  if (f.replica.empty()) f.replica = "atrium-kiosk-" + f.device + ".db";
  return f;
}

}  // namespace atrium::kiosk
