// A small HTTP/1.1 server on POSIX sockets: one accept thread and a bounded
// pool of worker threads, each serving one connection at a time with
// keep-alive. Every read and write has a deadline, so a slow or silent client
// holds a worker for at most the request timeout.
// Thread-safety: Start, Stop and port may be called from any one thread.
//
// Example:
//   HttpServer server(options, [] { return std::make_unique<MyHandler>(); });
//   Status s = server.Start();       // Binds and listens; port 0 picks one.
//   ... server.port() ...
//   server.Stop();                   // Closes the socket, joins the workers.
#ifndef WHOSAID_SERVER_HTTP_SERVER_H_
#define WHOSAID_SERVER_HTTP_SERVER_H_

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "src/server/http.h"
#include "whosaid/status.h"

namespace whosaid::internal {

// Answers requests. Each worker thread owns one handler, so a handler need
// not be thread-safe (a Store connection per worker, for instance).
class RequestHandler {
 public:
  virtual ~RequestHandler() = default;
  virtual HttpResponse Handle(const HttpRequest& request) = 0;
};

struct HttpServerOptions {
  std::string host = "127.0.0.1";  // Address to bind. Default loopback only.
  int port = 8080;                 // 0 picks a free port. Default 8080.
  int threads = 16;                // Worker threads. Default 16.
  int max_pending = 256;           // Accepted connections waiting for a worker; beyond, 503.
  int request_timeout_ms = 10000;  // From a request's first byte to its last. Default 10 s.
  int idle_timeout_ms = 5000;      // Keep-alive wait for the next request. Default 5 s.
  int write_timeout_ms = 10000;    // To send one response. Default 10 s.
  HttpLimits limits;
};

class HttpServer {
 public:
  using HandlerFactory = std::function<StatusOr<std::unique_ptr<RequestHandler>>()>;

  // factory is called once per worker thread, on Start.
  HttpServer(HttpServerOptions options, HandlerFactory factory);
  ~HttpServer();  // Stops the server.
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Creates the handlers, binds, listens and starts the threads. Returns
  // InvalidArgument for a bad host, IoError naming the address when binding
  // fails, or the factory's error.
  Status Start();
  // Returns the bound port (useful after binding port 0).
  int port() const { return port_; }
  // Stops accepting, lets in-flight requests finish, closes idle
  // connections and joins every thread. Idempotent.
  void Stop();

 private:
  void AcceptLoop();
  void WorkerLoop(RequestHandler* handler);
  void ServeConnection(int fd, RequestHandler* handler);

  HttpServerOptions options_;
  HandlerFactory factory_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stopping_{false};
  std::mutex mu_;
  std::condition_variable cv_;
  std::deque<int> pending_;  // Guarded by mu_.
  std::vector<std::unique_ptr<RequestHandler>> handlers_;
  std::vector<std::thread> workers_;
  std::thread acceptor_;
};

}  // namespace whosaid::internal

#endif  // WHOSAID_SERVER_HTTP_SERVER_H_
