// The reader's HTTP server: accept thread, bounded worker pool, deadlines.
#include "src/server/http_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include "src/util/json.h"

namespace whosaid::internal {
namespace {

using Clock = std::chrono::steady_clock;

// Poll slices are short so that Stop() is noticed quickly.
constexpr int kPollSliceMs = 200;

int MsUntil(Clock::time_point deadline) {
  auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
  return ms < 0 ? 0 : static_cast<int>(ms);
}

// Sends all of data before deadline. Returns false on error or timeout.
bool SendAll(int fd, std::string_view data, Clock::time_point deadline, const std::atomic<bool>& stopping) {
  while (!data.empty()) {
    ssize_t n = ::send(fd, data.data(), data.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    if (n > 0) {
      data.remove_prefix(static_cast<size_t>(n));
      continue;
    }
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) {
      int left = MsUntil(deadline);
      if (left == 0 || stopping.load()) return false;
      pollfd p{fd, POLLOUT, 0};
      ::poll(&p, 1, std::min(left, kPollSliceMs));
      continue;
    }
    return false;
  }
  return true;
}

void SendError(int fd, int status, const std::string& message, int write_timeout_ms,
               const std::atomic<bool>& stopping) {
  HttpResponse r;
  r.status = status;
  r.content_type = "application/json";
  r.body = "{\"error\":{\"status\":" + std::to_string(status) + ",\"message\":";
  AppendJsonString(message, &r.body);
  r.body += "}}";
  SendAll(fd, SerializeHttpResponse(r, false, false),
          Clock::now() + std::chrono::milliseconds(write_timeout_ms), stopping);
  ::shutdown(fd, SHUT_WR);
}

}  // namespace

HttpServer::HttpServer(HttpServerOptions options, HandlerFactory factory)
    : options_(std::move(options)), factory_(std::move(factory)) {}

HttpServer::~HttpServer() { Stop(); }

Status HttpServer::Start() {
  if (options_.threads < 1 || options_.threads > 256) {
    return Status::InvalidArgument("threads must be from 1 to 256");
  }
  if (options_.port < 0 || options_.port > 65535) return Status::InvalidArgument("port must be from 0 to 65535");
  for (int i = 0; i < options_.threads; ++i) {
    StatusOr<std::unique_ptr<RequestHandler>> h = factory_();
    if (!h.ok()) return h.status();
    handlers_.push_back(std::move(*h));
  }
  sockaddr_in6 addr6{};
  sockaddr_in addr4{};
  bool v6 = false;
  if (inet_pton(AF_INET, options_.host.c_str(), &addr4.sin_addr) == 1) {
    addr4.sin_family = AF_INET;
    addr4.sin_port = htons(static_cast<uint16_t>(options_.port));
  } else if (inet_pton(AF_INET6, options_.host.c_str(), &addr6.sin6_addr) == 1) {
    v6 = true;
    addr6.sin6_family = AF_INET6;
    addr6.sin6_port = htons(static_cast<uint16_t>(options_.port));
  } else {
    return Status::InvalidArgument("host '" + options_.host + "' is not an IPv4 or IPv6 address");
  }
  std::string where = options_.host + ":" + std::to_string(options_.port);
  listen_fd_ = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (listen_fd_ < 0) return Status::IoError("socket: " + std::string(std::strerror(errno)));
  int one = 1;
  ::setsockopt(listen_fd_, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  int rc = v6 ? ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr6), sizeof addr6)
              : ::bind(listen_fd_, reinterpret_cast<sockaddr*>(&addr4), sizeof addr4);
  if (rc != 0 || ::listen(listen_fd_, 512) != 0) {
    std::string err = std::strerror(errno);
    ::close(listen_fd_);
    listen_fd_ = -1;
    return Status::IoError("cannot listen on " + where + ": " + err);
  }
  sockaddr_storage bound{};
  socklen_t len = sizeof bound;
  ::getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&bound), &len);
  port_ = v6 ? ntohs(reinterpret_cast<sockaddr_in6*>(&bound)->sin6_port)
             : ntohs(reinterpret_cast<sockaddr_in*>(&bound)->sin_port);
  for (auto& h : handlers_) workers_.emplace_back([this, p = h.get()] { WorkerLoop(p); });
  acceptor_ = std::thread([this] { AcceptLoop(); });
  return Status::Ok();
}

void HttpServer::Stop() {
  if (stopping_.exchange(true)) return;
  cv_.notify_all();
  if (acceptor_.joinable()) acceptor_.join();
  for (auto& t : workers_) {
    if (t.joinable()) t.join();
  }
  std::lock_guard<std::mutex> lock(mu_);
  for (int fd : pending_) ::close(fd);
  pending_.clear();
  if (listen_fd_ >= 0) ::close(listen_fd_);
  listen_fd_ = -1;
}

void HttpServer::AcceptLoop() {
  while (!stopping_.load()) {
    pollfd p{listen_fd_, POLLIN, 0};
    if (::poll(&p, 1, kPollSliceMs) <= 0) continue;
    int fd = ::accept4(listen_fd_, nullptr, nullptr, SOCK_CLOEXEC);
    if (fd < 0) continue;
    int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    bool queued = false;
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (static_cast<int>(pending_.size()) < options_.max_pending) {
        pending_.push_back(fd);
        queued = true;
      }
    }
    if (queued) {
      cv_.notify_one();
    } else {
      SendError(fd, 503, "server busy", 1000, stopping_);
      ::close(fd);
    }
  }
}

void HttpServer::WorkerLoop(RequestHandler* handler) {
  for (;;) {
    int fd = -1;
    {
      std::unique_lock<std::mutex> lock(mu_);
      cv_.wait(lock, [this] { return stopping_.load() || !pending_.empty(); });
      if (stopping_.load()) return;
      fd = pending_.front();
      pending_.pop_front();
    }
    ServeConnection(fd, handler);
    ::close(fd);
  }
}

void HttpServer::ServeConnection(int fd, RequestHandler* handler) {
  std::string buffer;
  char chunk[16 * 1024];
  for (;;) {
    // Wait for a request: idle timeout until its first byte, then the
    // request timeout for the whole head.
    Clock::time_point idle_deadline = Clock::now() + std::chrono::milliseconds(options_.idle_timeout_ms);
    Clock::time_point deadline = Clock::time_point::max();
    HttpRequest request;
    size_t consumed = 0;
    for (;;) {
      if (!buffer.empty() && deadline == Clock::time_point::max()) {
        deadline = Clock::now() + std::chrono::milliseconds(options_.request_timeout_ms);
      }
      int status = 0;
      std::string message;
      if (!buffer.empty()) {
        HttpParse r = ParseHttpRequest(buffer, options_.limits, &request, &consumed, &status, &message);
        if (r == HttpParse::kComplete) break;
        if (r == HttpParse::kError) {
          SendError(fd, status, message, options_.write_timeout_ms, stopping_);
          return;
        }
      }
      Clock::time_point until = buffer.empty() ? idle_deadline : deadline;
      int left = MsUntil(until);
      if (left == 0 || stopping_.load()) {
        if (!buffer.empty()) SendError(fd, 408, "request took too long", options_.write_timeout_ms, stopping_);
        return;
      }
      pollfd p{fd, POLLIN, 0};
      int pr = ::poll(&p, 1, std::min(left, kPollSliceMs));
      if (pr < 0 && errno != EINTR) return;
      if (pr <= 0) continue;
      ssize_t n = ::recv(fd, chunk, sizeof chunk, MSG_DONTWAIT);
      if (n == 0) return;
      if (n < 0) {
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) continue;
        return;
      }
      buffer.append(chunk, static_cast<size_t>(n));
    }
    buffer.erase(0, consumed);
    HttpResponse response = handler->Handle(request);
    bool keep_alive = request.keep_alive && !stopping_.load();
    if (keep_alive) {
      // A worker is a scarce resource: when connections are waiting for one,
      // finish this connection rather than wait on its next request.
      std::lock_guard<std::mutex> lock(mu_);
      keep_alive = pending_.empty();
    }
    std::string wire = SerializeHttpResponse(response, request.method == "HEAD", keep_alive);
    if (!SendAll(fd, wire, Clock::now() + std::chrono::milliseconds(options_.write_timeout_ms), stopping_)) return;
    if (!keep_alive) {
      ::shutdown(fd, SHUT_WR);
      return;
    }
  }
}

}  // namespace whosaid::internal
