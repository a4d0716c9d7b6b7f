#include "http_client.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>

namespace atrium::load {
namespace {

int Connect(uint16_t port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) return -1;
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  timeval tv{10, 0};  // a hung server fails the test instead of hanging it
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  if (connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

bool SendAll(int fd, const std::string& data) {
  size_t sent = 0;
  while (sent < data.size()) {
    ssize_t n = send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) return false;
    sent += static_cast<size_t>(n);
  }
  return true;
}

// Parses one response from the front of `buf` if it is whole; erases it.
bool TakeResponse(std::string& buf, HttpReply& out) {
  size_t end = buf.find("\r\n\r\n");
  if (end == std::string::npos) return false;
  std::string head = buf.substr(0, end);
  HttpReply r;
  size_t line_end = head.find("\r\n");
  std::string status_line = head.substr(0, line_end);
  if (status_line.size() < 12) return false;
  r.status = std::stoi(status_line.substr(9, 3));
  size_t pos = line_end == std::string::npos ? head.size() : line_end + 2;
  while (pos < head.size()) {
    size_t next = head.find("\r\n", pos);
    if (next == std::string::npos) next = head.size();
    std::string line = head.substr(pos, next - pos);
    size_t colon = line.find(':');
    if (colon != std::string::npos) {
      std::string name = line.substr(0, colon);
      for (char& c : name) c = static_cast<char>(std::tolower(c));
      size_t v = line.find_first_not_of(' ', colon + 1);
      r.headers[name] = v == std::string::npos ? "" : line.substr(v);
    }
    pos = next + 2;
  }
  size_t length = r.headers.contains("content-length")
                      ? std::stoul(r.headers["content-length"])
                      : 0;
  if (buf.size() < end + 4 + length) return false;
  r.body = buf.substr(end + 4, length);
  buf.erase(0, end + 4 + length);
  out = std::move(r);
  return true;
}

HttpReply ReadResponse(int fd, std::string& buf) {
  HttpReply r;
  char chunk[16384];
  while (!TakeResponse(buf, r)) {
    ssize_t n = recv(fd, chunk, sizeof chunk, 0);
    if (n <= 0) return HttpReply{};
    buf.append(chunk, static_cast<size_t>(n));
  }
  return r;
}

}  // namespace

codec::Json HttpReply::Json() const {
  return codec::Json::parse(body, nullptr, false);
}

HttpReply SendRaw(uint16_t port, const std::string& raw) {
  int fd = Connect(port);
  if (fd < 0) return {};
  std::string buf;
  HttpReply r = SendAll(fd, raw) ? ReadResponse(fd, buf) : HttpReply{};
  close(fd);
  return r;
}

HttpReply Call(uint16_t port, const std::string& method,
               const std::string& target, const std::string& body,
               const std::map<std::string, std::string>& headers) {
  std::string raw = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [k, v] : headers) {
    raw.append(k).append(": ").append(v).append("\r\n");
  }
  if (!body.empty() || method == "POST") {
    raw += "Content-Type: application/json\r\nContent-Length: " +
           std::to_string(body.size()) + "\r\n";
  }
  raw += "Connection: close\r\n\r\n" + body;
  return SendRaw(port, raw);
}

Connection::Connection(uint16_t port) : fd_(Connect(port)) {}

Connection::~Connection() {
  if (fd_ >= 0) close(fd_);
}

HttpReply Connection::Request(const std::string& raw) {
  if (fd_ < 0 || !SendAll(fd_, raw)) return {};
  return ReadResponse(fd_, pending_);
}

}  // namespace atrium::load
