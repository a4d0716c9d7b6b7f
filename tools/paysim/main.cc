// paysim: a local payment provider for the demo and the tests, run as its
// own process so that atriumd talks to it over HTTP exactly as it would to
// WeChat Pay or Alipay (sim_provider.h). Not for real money.
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <iostream>
#include <string>

#include "http/http_server.h"
#include "sim_provider.h"

namespace {

const char kUsage[] =
    "usage: paysim --key-file FILE [--address A] [--port P] [--public-url U]\n"
    "  FILE holds the merchant's API key, shared with atriumd --pay-key-file\n";

}  // namespace

int main(int argc, char** argv) {
  using atrium::server::HttpOptions;
  HttpOptions http;
  http.port = 8090;
  http.threads = 2;
  std::string key_file;
  std::string public_url;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    const std::string value = argv[i + 1];
    if (flag == "--key-file") {
      key_file = value;
    } else if (flag == "--address") {
      http.address = value;
    } else if (flag == "--port") {
      http.port = static_cast<uint16_t>(std::atoi(value.c_str()));
    } else if (flag == "--public-url") {
      public_url = value;
    } else {
      std::cerr << kUsage;
      return 2;
    }
  }
  std::ifstream in(key_file);
  std::string key;
  if (key_file.empty() || !std::getline(in, key) || key.size() < 16) {
    std::cerr << "paysim: the key file must hold a key of 16 characters or "
                 "more\n"
              << kUsage;
    return 2;
  }
  if (public_url.empty()) {
    public_url = "http://" + http.address + ":" + std::to_string(http.port);
  }
  atrium::paysim::SimProvider provider(
      key, public_url, [] { return static_cast<int64_t>(std::time(nullptr)); });
  atrium::server::HttpServer server(
      http, [&provider](atrium::server::Request req,
                        atrium::server::Respond respond) {
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
