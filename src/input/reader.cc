// Input readers: format detection by content, and one reader per format.
#include "whosaid/reader.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <optional>

#include "src/input/byte_source.h"
#include "src/util/ascii.h"
#include "src/util/json.h"
#include "src/warc/warc_reader.h"

namespace whosaid {
namespace {

using internal::ByteSource;

constexpr size_t kSniffBytes = 8192;

std::string DetectFormat(std::string_view head) {
  if (head.substr(0, 3) == "\xEF\xBB\xBF") head.remove_prefix(3);
  size_t first = head.find_first_not_of(" \t\r\n");
  if (first == std::string_view::npos) return "text";
  std::string_view rest = head.substr(first);
  if (rest.substr(0, 5) == "WARC/") return "warc";
  if (rest[0] == '{') {
    // One object per line is JSON Lines; an object spread over lines (as
    // news-please writes one article per file) is one JSON document.
    size_t nl = rest.find('\n');
    if (nl != std::string_view::npos && internal::ParseJson(rest.substr(0, nl)).ok()) return "jsonl";
    if (nl == std::string_view::npos && internal::ParseJson(rest).ok()) return "jsonl";
    return "json";
  }
  if (LooksLikeHtml(head)) return "html";
  return "text";
}

// Reads a whole file as one html or text document.
class WholeFileReader : public InputReader {
 public:
  WholeFileReader(std::unique_ptr<ByteSource> src, std::string path, std::string format,
                  std::string consumed, const ReaderOptions& options)
      : src_(std::move(src)), path_(std::move(path)), format_(std::move(format)),
        data_(std::move(consumed)), options_(options) {}

  bool Next(InputRecord* r) override {
    if (done_) return false;
    done_ = true;
    *r = InputRecord();
    r->provenance.file = path_;
    r->provenance.format = format_;
    r->payload_format = format_ == "json" ? "jsonl" : format_;
    char buf[1 << 16];
    size_t n;
    bool too_large = static_cast<int64_t>(data_.size()) > options_.max_record_bytes;
    if (too_large) data_.clear();
    while ((n = src_->Read(buf, sizeof buf)) > 0) {
      if (static_cast<int64_t>(data_.size() + n) > options_.max_record_bytes) {
        too_large = true;
        data_.clear();
      }
      if (!too_large) data_.append(buf, n);
    }
    r->provenance.length = src_->gzipped() ? src_->raw_position() : src_->position();
    if (!src_->error().empty()) {
      r->kind = InputRecord::Kind::kFailed;
      r->reason = src_->error();
    } else if (too_large) {
      r->kind = InputRecord::Kind::kSkipped;
      r->reason = "document too large (limit " + std::to_string(options_.max_record_bytes) + " bytes)";
    } else {
      r->data = std::move(data_);
    }
    return true;
  }
  const std::string& format() const override { return format_; }

 private:
  std::unique_ptr<ByteSource> src_;
  std::string path_, format_, data_;
  ReaderOptions options_;
  bool done_ = false;
};

class WarcInputReader : public InputReader {
 public:
  WarcInputReader(std::unique_ptr<ByteSource> src, std::string path, std::string consumed,
                  const ReaderOptions& options)
      : warc_(std::move(src), std::move(consumed), options.max_record_bytes),
        path_(std::move(path)), options_(options) {}

  bool Next(InputRecord* r) override {
    internal::WarcRecord w;
    if (!warc_.Next(&w)) return false;
    *r = InputRecord();
    r->provenance.file = path_;
    r->provenance.format = format_;
    r->provenance.offset = w.offset;
    r->provenance.length = w.length;
    if (!w.target_uri.empty()) r->provenance.warc_target_uri = w.target_uri;
    if (!w.date.empty()) r->provenance.warc_date = w.date;
    r->payload_format = "html";
    if (!w.error.empty()) {
      bool too_large = w.error.compare(0, 6, "record") == 0;
      r->kind = too_large ? InputRecord::Kind::kSkipped : InputRecord::Kind::kFailed;
      r->reason = w.error;
      return true;
    }
    std::string body, content_type;
    if (w.type == "response") {
      internal::HttpPayload http = internal::ParseHttpResponse(w.block, options_.max_record_bytes);
      if (!http.error.empty()) return Fail(r, http.error);
      if (http.status < 200 || http.status >= 300) {
        return Skip(r, "HTTP status " + std::to_string(http.status));
      }
      body = std::move(http.body);
      content_type = std::move(http.content_type);
    } else if (w.type == "resource") {
      body = std::move(w.block);
      content_type = w.content_type;
    } else {
      return Skip(r, "WARC " + (w.type.empty() ? std::string("untyped") : w.type) + " record");
    }
    std::string type = internal::AsciiLower(content_type.substr(0, content_type.find(';')));
    bool html = type.find("html") != std::string::npos;
    if (!html && (type.empty() || type == "text/plain" || type == "application/octet-stream")) {
      html = LooksLikeHtml(body);
    }
    if (!html) return Skip(r, "non-HTML payload (" + (type.empty() ? std::string("no type") : type) + ")");
    if (body.empty()) return Skip(r, "empty payload");
    r->data = std::move(body);
    r->content_type = std::move(content_type);
    return true;
  }
  const std::string& format() const override { return format_; }

 private:
  static bool Skip(InputRecord* r, std::string reason) {
    r->kind = InputRecord::Kind::kSkipped;
    r->reason = std::move(reason);
    return true;
  }
  static bool Fail(InputRecord* r, std::string reason) {
    r->kind = InputRecord::Kind::kFailed;
    r->reason = std::move(reason);
    return true;
  }

  internal::WarcReader warc_;
  std::string path_;
  std::string format_ = "warc";
  ReaderOptions options_;
};

class JsonlReader : public InputReader {
 public:
  JsonlReader(std::unique_ptr<ByteSource> src, std::string path, std::string consumed,
              const ReaderOptions& options)
      : src_(std::move(src)), path_(std::move(path)), buf_(std::move(consumed)), options_(options) {}

  bool Next(InputRecord* r) override {
    while (true) {
      size_t nl = buf_.find('\n', pos_);
      bool eof = false;
      while (nl == std::string::npos) {
        if (static_cast<int64_t>(buf_.size() - pos_) > options_.max_record_bytes) break;
        if (pos_ > 0) {
          base_ += static_cast<int64_t>(pos_);
          buf_.erase(0, pos_);
          pos_ = 0;
        }
        char chunk[1 << 16];
        size_t n = src_->Read(chunk, sizeof chunk);
        if (n == 0) { eof = true; break; }
        size_t old = buf_.size();
        buf_.append(chunk, n);
        nl = buf_.find('\n', old);
      }
      *r = InputRecord();
      r->provenance.file = path_;
      r->provenance.format = format_;
      r->provenance.offset = base_ + static_cast<int64_t>(pos_);
      r->payload_format = "jsonl";
      if (nl == std::string::npos && !eof) {  // A line over the limit: drop through to its end.
        SkipLongLine(r);
        return true;
      }
      size_t end = nl == std::string::npos ? buf_.size() : nl;
      if (end == pos_ && eof && !src_->error().empty() && !reported_) {
        reported_ = true;
        r->kind = InputRecord::Kind::kFailed;
        r->reason = src_->error();
        return true;
      }
      if (end == pos_ && eof) return false;
      std::string_view line(buf_.data() + pos_, end - pos_);
      r->provenance.length = static_cast<int64_t>(end - pos_);
      pos_ = nl == std::string::npos ? buf_.size() : nl + 1;
      if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
      r->data = std::string(line);
      return true;
    }
  }
  const std::string& format() const override { return format_; }

 private:
  void SkipLongLine(InputRecord* r) {
    int64_t length = static_cast<int64_t>(buf_.size() - pos_);
    buf_.clear();
    pos_ = 0;
    char chunk[1 << 16];
    size_t n;
    while ((n = src_->Read(chunk, sizeof chunk)) > 0) {
      const char* nl = static_cast<const char*>(std::memchr(chunk, '\n', n));
      if (nl != nullptr) {
        size_t used = static_cast<size_t>(nl - chunk) + 1;
        length += static_cast<int64_t>(used);
        buf_.assign(chunk + used, n - used);
        break;
      }
      length += static_cast<int64_t>(n);
    }
    base_ = r->provenance.offset + length;
    r->provenance.length = length;
    r->kind = InputRecord::Kind::kSkipped;
    r->reason = "JSON line too large (limit " + std::to_string(options_.max_record_bytes) + " bytes)";
  }

  std::unique_ptr<ByteSource> src_;
  std::string path_;
  std::string buf_;
  size_t pos_ = 0;
  int64_t base_ = 0;
  ReaderOptions options_;
  std::string format_ = "jsonl";
  bool reported_ = false;
};

std::optional<std::string> OptionalString(const internal::JsonValue& v, std::string_view key) {
  std::string s = v.GetString(key);
  if (s.empty()) return std::nullopt;
  return s;
}

StatusOr<Article> ExtractJsonLine(const InputRecord& record, const std::string& id,
                                  const ExtractOptions& options) {
  StatusOr<internal::JsonValue> v = internal::ParseJson(record.data);
  if (!v.ok()) return Status::Corruption(id + ": bad JSON line: " + v.status().message());
  if (!v->is_object()) return Status::Corruption(id + ": JSON line is not an object");
  std::string text = v->GetString("maintext");
  if (text.empty()) text = v->GetString("text");
  if (text.empty()) return Status::NotFound(id + ": JSON record has no maintext or text");
  ExtractOptions raw = options;
  raw.raw = true;
  std::optional<std::string> date = options.date;
  if (!date) {
    for (const char* key : {"date_publish", "date"}) {
      std::string d = v->GetString(key);
      if (d.size() >= 10 && IsValidDate(d.substr(0, 10))) { date = d.substr(0, 10); break; }
    }
  }
  raw.date = date;
  StatusOr<Article> a = ExtractPlainText(text, id, raw);
  if (!a.ok()) return a;
  a->title = OptionalString(*v, "title");
  a->url = OptionalString(*v, "url");
  a->publisher = OptionalString(*v, "publisher");
  if (!a->publisher) a->publisher = OptionalString(*v, "source_domain");
  a->language = OptionalString(*v, "language");
  if (const internal::JsonValue* authors = v->Find("authors"); authors && authors->is_array()) {
    a->authors.clear();
    for (const auto& item : authors->items()) {
      if (item.is_string() && !item.as_string().empty()) a->authors.push_back(item.as_string());
    }
  }
  return a;
}

}  // namespace

StatusOr<std::unique_ptr<InputReader>> InputReader::Open(const std::string& path,
                                                          const ReaderOptions& options) {
  StatusOr<ByteSource*> opened = ByteSource::Open(path);
  if (!opened.ok()) return opened.status();
  std::unique_ptr<ByteSource> src(*opened);
  // Sniffing may already read past a damaged gzip member; only WARC, one
  // member per record, goes on after one (the others stop there).
  src->set_resync(true);
  std::string head(kSniffBytes, '\0');
  size_t got = 0;
  while (got < head.size()) {
    size_t n = src->Read(head.data() + got, head.size() - got);
    if (n == 0) break;
    got += n;
  }
  head.resize(got);
  std::string format = DetectFormat(head);
  if (format != "warc") src->set_resync(false);
  std::unique_ptr<InputReader> reader;
  if (format == "warc") {
    reader = std::make_unique<WarcInputReader>(std::move(src), path, std::move(head), options);
  } else if (format == "jsonl") {
    reader = std::make_unique<JsonlReader>(std::move(src), path, std::move(head), options);
  } else {
    reader = std::make_unique<WholeFileReader>(std::move(src), path, format, std::move(head), options);
  }
  // A whole-file JSON document is extracted like one JSON line.
  return reader;
}

Status ListInputFiles(const std::vector<std::string>& paths, std::vector<std::string>* files) {
  namespace fs = std::filesystem;
  for (const std::string& p : paths) {
    if (p == "-") {
      files->push_back(p);
      continue;
    }
    std::error_code ec;
    fs::file_status st = fs::status(p, ec);
    if (ec || !fs::exists(st)) return Status::NotFound(p + ": no such file or directory");
    if (!fs::is_directory(st)) {
      files->push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, fs::directory_options::skip_permission_denied, ec);
         !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
      if (it->is_regular_file(ec)) found.push_back(it->path().string());
    }
    if (ec) return Status::IoError(p + ": " + ec.message());
    std::sort(found.begin(), found.end());
    files->insert(files->end(), found.begin(), found.end());
  }
  return Status::Ok();
}

StatusOr<Article> ExtractRecord(const InputRecord& record, const ExtractOptions& options) {
  std::string id = record.provenance.file;
  if (record.provenance.format == "warc" || record.provenance.format == "jsonl") {
    id += "@" + std::to_string(record.provenance.offset);
  }
  StatusOr<Article> article = Status::Internal("unreached");
  if (record.payload_format == "html") {
    ExtractOptions html_options = options;
    if (record.provenance.warc_target_uri) html_options.url = record.provenance.warc_target_uri;
    html_options.content_type = record.content_type;
    article = ExtractHtml(record.data, id, html_options);
  } else if (record.payload_format == "jsonl") {
    article = ExtractJsonLine(record, id, options);
  } else {
    article = ExtractPlainText(record.data, id, options);
  }
  if (!article.ok()) return article;
  // The WARC date is when the page was crawled, not published, so it does
  // not fill Article::date.
  article->provenance = record.provenance;
  return article;
}

}  // namespace whosaid
