// paysim: a local payment provider for the demo and the tests, run as its
// own process so that atriumd talks to it over HTTP exactly as it would to
// WeChat Pay or Alipay (sim_provider.h). Not for real money.
#include <CLI/CLI.hpp>
#include <ctime>
#include <exception>
#include <fstream>
#include <iostream>
#include <string>

#include "atrium/net/http_server.h"
#include "sim_provider.h"

namespace {

int Run(int argc, char** argv) {
  atrium::net::HttpOptions http;
  http.port = 8090;
  http.threads = 2;
  std::string key_file;
  std::string public_url;
  CLI::App app(
      "paysim: the demo's local payment provider (a simulator shaped like "
      "WeChat Pay; not for real money)");
  app.add_option("--key-file", key_file,
                 "the merchant's API key, shared with atriumd --pay-key-file")
      ->required();
  app.add_option("--address", http.address, "the address to listen on")
      ->capture_default_str();
  app.add_option("--port", http.port, "the port to listen on")
      ->capture_default_str();
  app.add_option("--public-url", public_url,
                 "where shoppers reach its cashier page (default: "
                 "http://ADDRESS:PORT)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& help) {
    return app.exit(help);
  } catch (const CLI::ParseError& e) {
    (void)app.exit(e);
    return 2;
  }
  std::ifstream in(key_file);
  std::string key;
  if (!std::getline(in, key) || key.size() < 16) {
    std::cerr << "paysim: the key file must hold a key of 16 characters or "
                 "more\n";
    return 2;
  }
  if (public_url.empty()) {
    public_url = "http://" + http.address + ":" + std::to_string(http.port);
  }
  atrium::paysim::SimProvider provider(
      key, public_url, [] { return static_cast<int64_t>(std::time(nullptr)); });
  atrium::net::HttpServer server(
      http, [&provider](const atrium::net::Request& req,
                        const atrium::net::Respond& respond) {
        provider.Handle(req, respond);
      });
  std::string error;
  if (!server.Start(error)) {
    std::cerr << "paysim: " << error << "\n";
    return 1;
  }
  std::cerr << "paysim: listening on " << http.address << ":" << server.port()
            << "\n";
  server.RunUntilSignalled();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return Run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "paysim: " << e.what() << "\n";
    return 1;
  }
}
