#include "src/util/json.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "src/util/utf8.h"

namespace whosaid::internal {

namespace {

// Bytes AppendJsonString escapes: quote, backslash, control characters and
// < > & (so JSON is safe inside HTML).
struct JsonEscapeTable {
  bool escape[256];
  constexpr JsonEscapeTable() : escape() {
    for (int c = 0; c < 256; ++c) escape[c] = c < 0x20 || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&';
  }
};
constexpr JsonEscapeTable kJsonEscape;

}  // namespace

void AppendJsonString(std::string_view s, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->push_back('"');
  size_t run = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (!kJsonEscape.escape[c]) continue;
    const char* esc = nullptr;
    switch (c) {
      case '"': esc = "\\\""; break;
      case '\\': esc = "\\\\"; break;
      case '\n': esc = "\\n"; break;
      case '\r': esc = "\\r"; break;
      case '\t': esc = "\\t"; break;
      default: break;
    }
    out->append(s.data() + run, i - run);
    run = i + 1;
    if (esc) {
      out->append(esc);
    } else {
      out->append("\\u00");
      out->push_back(kHex[c >> 4]);
      out->push_back(kHex[c & 15]);
    }
  }
  out->append(s.data() + run, s.size() - run);
  out->push_back('"');
}

void JsonWriter::Double(double v) {
  Sep();
  if (!std::isfinite(v)) { out_->append("null"); return; }
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v);
  out_->append(buf);
}

std::string PrettyJson(std::string_view j) {
  std::string out;
  out.reserve(j.size() * 2);
  int depth = 0;
  bool in_string = false;
  auto newline = [&] { out.push_back('\n'); out.append(depth * 2, ' '); };
  for (size_t i = 0; i < j.size(); ++i) {
    char c = j[i];
    if (in_string) {
      out.push_back(c);
      if (c == '\\' && i + 1 < j.size()) out.push_back(j[++i]);
      else if (c == '"') in_string = false;
      continue;
    }
    switch (c) {
      case '"': in_string = true; out.push_back(c); break;
      case '{': case '[':
        out.push_back(c);
        if (i + 1 < j.size() && (j[i + 1] == '}' || j[i + 1] == ']')) { out.push_back(j[++i]); break; }
        ++depth; newline(); break;
      case '}': case ']': --depth; newline(); out.push_back(c); break;
      case ',': out.push_back(c); newline(); break;
      case ':': out.append(": "); break;
      default: out.push_back(c);
    }
  }
  return out;
}

const JsonValue* JsonValue::Find(std::string_view key) const {
  for (const auto& [k, v] : members_) if (k == key) return &v;
  return nullptr;
}

std::string JsonValue::GetString(std::string_view key) const {
  const JsonValue* v = Find(key);
  return v && v->is_string() ? v->as_string() : std::string();
}

class JsonParser {
 public:
  explicit JsonParser(std::string_view t) : t_(t) {}
  Status Parse(JsonValue* v) {
    SkipSpace();
    Status s = Value(v, 0);
    if (!s.ok()) return s;
    SkipSpace();
    if (pos_ != t_.size()) return Error("trailing characters");
    return Status::Ok();
  }

 private:
  static constexpr int kMaxDepth = 256;
  Status Error(const char* why) {
    return Status::Corruption("JSON at byte " + std::to_string(pos_) + ": " + why);
  }
  void SkipSpace() {
    while (pos_ < t_.size() && (t_[pos_] == ' ' || t_[pos_] == '\t' || t_[pos_] == '\n' || t_[pos_] == '\r')) ++pos_;
  }
  bool Literal(std::string_view w) {
    if (t_.substr(pos_, w.size()) != w) return false;
    pos_ += w.size();
    return true;
  }
  Status Value(JsonValue* v, int depth) {
    if (depth > kMaxDepth) return Error("nesting too deep");
    if (pos_ >= t_.size()) return Error("unexpected end");
    char c = t_[pos_];
    if (c == '{') return Object(v, depth);
    if (c == '[') return Array(v, depth);
    if (c == '"') { v->type_ = JsonValue::Type::kString; return String(&v->string_); }
    if (Literal("null")) { v->type_ = JsonValue::Type::kNull; return Status::Ok(); }
    if (Literal("true")) { v->type_ = JsonValue::Type::kBool; v->bool_ = true; return Status::Ok(); }
    if (Literal("false")) { v->type_ = JsonValue::Type::kBool; return Status::Ok(); }
    if (c == '-' || (c >= '0' && c <= '9')) return Number(v);
    return Error("unexpected character");
  }
  Status Number(JsonValue* v) {
    size_t start = pos_;
    if (t_[pos_] == '-') ++pos_;
    while (pos_ < t_.size() && ((t_[pos_] >= '0' && t_[pos_] <= '9') || t_[pos_] == '.' ||
                                t_[pos_] == 'e' || t_[pos_] == 'E' || t_[pos_] == '+' || t_[pos_] == '-')) ++pos_;
    std::string num(t_.substr(start, pos_ - start));
    char* end = nullptr;
    v->number_ = std::strtod(num.c_str(), &end);
    if (end != num.c_str() + num.size() || num == "-") { pos_ = start; return Error("bad number"); }
    v->type_ = JsonValue::Type::kNumber;
    return Status::Ok();
  }
  static int Hex(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  }
  bool Hex4(char32_t* out) {
    if (pos_ + 4 > t_.size()) return false;
    char32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      int h = Hex(t_[pos_ + i]);
      if (h < 0) return false;
      v = v * 16 + h;
    }
    pos_ += 4;
    *out = v;
    return true;
  }
  Status String(std::string* out) {
    ++pos_;  // Opening quote.
    while (true) {
      size_t run = pos_;
      while (pos_ < t_.size() && t_[pos_] != '"' && t_[pos_] != '\\' &&
             static_cast<unsigned char>(t_[pos_]) >= 0x20) ++pos_;
      out->append(t_.data() + run, pos_ - run);
      if (pos_ >= t_.size()) return Error("unterminated string");
      char c = t_[pos_];
      if (c == '"') { ++pos_; return Status::Ok(); }
      if (c != '\\') return Error("control character in string");
      if (++pos_ >= t_.size()) return Error("unterminated escape");
      char e = t_[pos_++];
      switch (e) {
        case '"': out->push_back('"'); break;
        case '\\': out->push_back('\\'); break;
        case '/': out->push_back('/'); break;
        case 'b': out->push_back('\b'); break;
        case 'f': out->push_back('\f'); break;
        case 'n': out->push_back('\n'); break;
        case 'r': out->push_back('\r'); break;
        case 't': out->push_back('\t'); break;
        case 'u': {
          char32_t cp;
          if (!Hex4(&cp)) return Error("bad \\u escape");
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            char32_t lo;
            if (t_.substr(pos_, 2) == "\\u" && (pos_ += 2, Hex4(&lo)) && lo >= 0xDC00 && lo <= 0xDFFF) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              cp = 0xFFFD;
            }
          } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            cp = 0xFFFD;
          }
          AppendUtf8(cp, out);
          break;
        }
        default: return Error("bad escape");
      }
    }
  }
  Status Array(JsonValue* v, int depth) {
    v->type_ = JsonValue::Type::kArray;
    ++pos_;
    SkipSpace();
    if (pos_ < t_.size() && t_[pos_] == ']') { ++pos_; return Status::Ok(); }
    while (true) {
      v->items_.emplace_back();
      SkipSpace();
      Status s = Value(&v->items_.back(), depth + 1);
      if (!s.ok()) return s;
      SkipSpace();
      if (pos_ >= t_.size()) return Error("unterminated array");
      if (t_[pos_] == ',') { ++pos_; continue; }
      if (t_[pos_] == ']') { ++pos_; return Status::Ok(); }
      return Error("expected , or ]");
    }
  }
  Status Object(JsonValue* v, int depth) {
    v->type_ = JsonValue::Type::kObject;
    ++pos_;
    SkipSpace();
    if (pos_ < t_.size() && t_[pos_] == '}') { ++pos_; return Status::Ok(); }
    while (true) {
      SkipSpace();
      if (pos_ >= t_.size() || t_[pos_] != '"') return Error("expected member name");
      std::string key;
      Status s = String(&key);
      if (!s.ok()) return s;
      SkipSpace();
      if (pos_ >= t_.size() || t_[pos_] != ':') return Error("expected :");
      ++pos_;
      SkipSpace();
      v->members_.emplace_back(std::move(key), JsonValue());
      s = Value(&v->members_.back().second, depth + 1);
      if (!s.ok()) return s;
      SkipSpace();
      if (pos_ >= t_.size()) return Error("unterminated object");
      if (t_[pos_] == ',') { ++pos_; continue; }
      if (t_[pos_] == '}') { ++pos_; return Status::Ok(); }
      return Error("expected , or }");
    }
  }

  std::string_view t_;
  size_t pos_ = 0;
};

StatusOr<JsonValue> ParseJson(std::string_view text) {
  JsonValue v;
  JsonParser p(text);
  Status s = p.Parse(&v);
  if (!s.ok()) return s;
  return v;
}

}  // namespace whosaid::internal
