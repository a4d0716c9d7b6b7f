#include "app/flags.h"

#include <CLI/CLI.hpp>

namespace atrium::kiosk {

std::variant<Flags, int> ParseFlags(int argc, char** argv) {
  Flags f;
  CLI::App app("atrium-kiosk: the guide screen and parking kiosk");
  app.add_option("--mode", f.mode, "guide or parking")
      ->required()
      ->check(CLI::IsMember({"guide", "parking"}));
  app.add_option("--demo", f.demo, "the mall folder")->capture_default_str();
  app.add_option("--device", f.device, "this kiosk's device id")
      ->capture_default_str();
  app.add_option("--key", f.key, "this kiosk's device key")
      ->capture_default_str();
  app.add_option("--server", f.server, "atriumd, HOST:PORT")
      ->capture_default_str();
  app.add_option("--mall", f.mall, "the mall it stands in")
      ->capture_default_str();
  app.add_option("--replica", f.replica,
                 "the kiosk's replica (default atrium-kiosk-<device>.db)");
  app.add_option("--width", f.width, "window width")->capture_default_str();
  app.add_option("--height", f.height, "window height")->capture_default_str();
  app.add_flag("--fullscreen", f.fullscreen, "fill the primary monitor");
  app.add_option("--font", f.font, "a CJK font file")->capture_default_str();
  app.add_option("--plate", f.plate, "a plate the camera read, at start");
  app.add_option("--frames", f.frames, "draw N frames, then stop")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--screenshot", f.screenshot,
                 "after --frames, save the last as a PPM file");
  app.add_option("--script", f.script,
                 "a scripted run, for tests (app/script.h)");
  app.add_option("--app-url", f.app_url,
                 "the H5 app, as the guide's QR code (default: the "
                 "server's /app/ at this mall)");
  app.add_option("--measure-frames", f.measure_frames,
                 "redraw N frames and print their CPU")
      ->check(CLI::NonNegativeNumber);
  app.add_option("--measure-idle", f.measure_idle,
                 "stay alone S seconds and print the CPU used")
      ->check(CLI::NonNegativeNumber);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return 2;
  }
  if (f.replica.empty()) f.replica = "atrium-kiosk-" + f.device + ".db";
  return f;
}

}  // namespace atrium::kiosk
