#include "atrium/net/http_client.h"

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <charconv>

namespace atrium::net {
namespace {

namespace beast = boost::beast;
namespace http = beast::http;
using tcp = boost::asio::ip::tcp;

Status Unreachable(const HttpEndpoint& to, const std::string& step,
                   const beast::error_code& ec) {
  return Unavailable(to.host + ":" + std::to_string(to.port) +
                     " is unreachable (" + step + ": " + ec.message() + ")");
}

}  // namespace

StatusOr<HttpEndpoint> HttpEndpoint::Parse(std::string_view url) {
  constexpr std::string_view kScheme = "http://";
  if (!url.starts_with(kScheme)) {
    return InvalidArgument("expected http://host:port");
  }
  url.remove_prefix(kScheme.size());
  if (url.ends_with('/')) url.remove_suffix(1);
  const size_t colon = url.rfind(':');
  HttpEndpoint e;
  if (colon == std::string_view::npos || colon == 0) {
    return InvalidArgument("expected http://host:port");
  }
  e.host = std::string(url.substr(0, colon));
  const std::string_view port = url.substr(colon + 1);
  unsigned value = 0;
  const auto [end, ec] =
      std::from_chars(port.data(), port.data() + port.size(), value);
  if (ec != std::errc() || end != port.data() + port.size() || value == 0 ||
      value > 65535) {
    return InvalidArgument("expected a port from 1 to 65535");
  }
  e.port = static_cast<uint16_t>(value);
  return e;
}

StatusOr<Response> HttpFetch(const HttpEndpoint& to, const Request& in) {
  http::request<http::string_body> req{http::string_to_verb(in.method),
                                       in.target, 11};
  req.set(http::field::host, to.host);
  for (const auto& [name, value] : in.headers) req.set(name, value);
  req.body() = in.body;
  req.prepare_payload();

  // Asynchronous steps on a private io_context, so that the stream's
  // deadline bounds every step.
  boost::asio::io_context io;
  beast::tcp_stream stream(io);
  beast::flat_buffer buffer;
  http::response_parser<http::string_body> parser;
  parser.body_limit(to.max_body);
  beast::error_code failed;
  std::string step = "connect";
  beast::error_code resolve_ec;
  const tcp::resolver::results_type endpoints =
      tcp::resolver(io).resolve(to.host, std::to_string(to.port), resolve_ec);
  if (resolve_ec) return Unreachable(to, "resolve", resolve_ec);
  stream.expires_after(to.timeout);
  stream.async_connect(endpoints, [&](beast::error_code ec, const auto&) {
    if (ec) {
      failed = ec;
      return;
    }
    step = "write";
    http::async_write(stream, req, [&](beast::error_code ec, size_t) {
      if (ec) {
        failed = ec;
        return;
      }
      step = "read";
      http::async_read(stream, buffer, parser,
                       [&](beast::error_code ec, size_t) { failed = ec; });
    });
  });
  io.run();
  if (failed) return Unreachable(to, step, failed);
  beast::error_code ignored;
  stream.socket().shutdown(tcp::socket::shutdown_both, ignored);

  const auto& res = parser.get();
  Response out;
  out.status = static_cast<int>(res.result_int());
  out.content_type = std::string(res[http::field::content_type]);
  for (const auto& field : res) {
    out.headers.emplace_back(std::string(field.name_string()),
                             std::string(field.value()));
  }
  out.body = res.body();
  return out;
}

}  // namespace atrium::net
