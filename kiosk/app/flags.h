// atrium-kiosk's command line (CLI11; --help lists every flag with its
// default):
//
//   atrium-kiosk --mode guide|parking --demo shared/demo-mall
//                [--device ID --key KEY --server HOST:PORT --mall ID]
//                [--replica FILE]  (the kiosk's replica; default
//                                   atrium-kiosk-<device>.db here)
//                [--width 1920 --height 1080 --fullscreen] [--font FILE]
//                [--plate TEXT] [--frames N --screenshot FILE.ppm]
//                [--script FILE]   (a scripted run for tests: app/script.h)
//                [--app-url URL]   (the H5 app, as the guide's QR code)
//                [--measure-frames N]  (N frames redrawn: prints their CPU)
//                [--measure-idle S]    (S seconds alone: prints the CPU used)
#ifndef ATRIUM_KIOSK_APP_FLAGS_H_
#define ATRIUM_KIOSK_APP_FLAGS_H_

#include <string>
#include <variant>

#include "ui/fonts.h"

namespace atrium::kiosk {

struct Flags {
  std::string mode;
  std::string demo = "shared/demo-mall";
  std::string device = "kiosk-xinjie-1f";
  std::string key = "demo-kiosk-xinjie-1f-key";
  std::string server = "127.0.0.1:8080";
  std::string mall = "m-xinjie";
  std::string replica;  // default: atrium-kiosk-<device>.db
  std::string font = kDefaultFont;
  std::string plate;
  std::string screenshot;
  std::string script;
  std::string app_url;  // default: the server's /app/ at this mall
  int width = 1920;
  int height = 1080;
  int frames = 0;
  int measure_frames = 0;
  int measure_idle = 0;
  bool fullscreen = false;
};

// The flags, or the exit code when the kiosk is not to run (0 after
// --help; 2, having said why on stderr, for a bad flag).
std::variant<Flags, int> ParseFlags(int argc, char** argv);

}  // namespace atrium::kiosk

#endif  // ATRIUM_KIOSK_APP_FLAGS_H_
