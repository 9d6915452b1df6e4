// The tokenizer is a hand-written scanner over the input bytes: text runs
// are found with memchr, and markup is parsed in place, so the cost is one
// pass over the page with few copies.
#include "src/html/tokenizer.h"

#include <cstring>

#include "src/html/entities.h"

namespace whosaid::internal {
namespace {

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c; }

bool StartsWithNoCase(std::string_view s, size_t pos, std::string_view prefix) {
  if (s.size() - pos < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i) {
    if (Lower(s[pos + i]) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

bool HtmlTokenizer::Next(HtmlToken* token) {
  while (pos_ < in_.size()) {
    if (mode_ == Mode::kPlainText) {
      EmitText(in_.substr(pos_), false, token);
      pos_ = in_.size();
      return true;
    }
    if (mode_ != Mode::kData) {
      if (ReadRawText(token)) return true;
      continue;
    }
    if (in_[pos_] != '<') {
      const char* lt = static_cast<const char*>(std::memchr(in_.data() + pos_, '<', in_.size() - pos_));
      size_t end = lt == nullptr ? in_.size() : static_cast<size_t>(lt - in_.data());
      token->offset = pos_;
      EmitText(in_.substr(pos_, end - pos_), true, token);
      pos_ = end;
      return true;
    }
    if (ReadMarkup(token)) return true;
  }
  return false;
}

void HtmlTokenizer::EmitText(std::string_view raw, bool decode, HtmlToken* token) {
  token->type = HtmlToken::Type::kText;
  token->name = {};
  token->attributes.clear();
  if (decode && std::memchr(raw.data(), '&', raw.size()) != nullptr) {
    text_buf_.clear();
    AppendDecoded(raw, false, &text_buf_);
    token->text = text_buf_;
  } else {
    token->text = raw;
  }
}

// At '<' in data. Returns true when a token was produced; otherwise the
// markup was skipped (comment, doctype, bogus) and pos_ moved past it.
bool HtmlTokenizer::ReadMarkup(HtmlToken* token) {
  size_t next = pos_ + 1;
  if (next < in_.size() && IsAsciiAlpha(in_[next])) return ReadStartTag(token);
  if (next < in_.size() && in_[next] == '/') {
    if (next + 1 < in_.size() && IsAsciiAlpha(in_[next + 1])) return ReadEndTag(token);
    if (next + 1 < in_.size() && in_[next + 1] == '>') {
      pos_ = next + 2;
      return false;
    }
    if (next + 1 >= in_.size()) {  // "</" at the end is text.
      token->offset = pos_;
      EmitText(in_.substr(pos_), false, token);
      pos_ = in_.size();
      return true;
    }
    pos_ = next + 1;
    SkipPast(">");  // Bogus comment.
    return false;
  }
  if (next < in_.size() && in_[next] == '!') {
    if (in_.compare(next, 3, "!--") == 0) {
      size_t body = next + 3;
      // "<!-->" and "<!--->" are complete (empty) comments.
      if (body < in_.size() && in_[body] == '>') { pos_ = body + 1; return false; }
      if (in_.compare(body, 2, "->") == 0) { pos_ = body + 2; return false; }
      pos_ = body;
      size_t end = in_.find("--", pos_);
      while (end != std::string_view::npos) {
        if (end + 2 < in_.size() && in_[end + 2] == '>') { pos_ = end + 3; return false; }
        if (in_.compare(end + 2, 2, "!>") == 0) { pos_ = end + 4; return false; }
        end = in_.find("--", end + 1);
      }
      pos_ = in_.size();
      return false;
    }
    if (in_.compare(next, 8, "![CDATA[") == 0) {
      size_t body = next + 8;
      size_t end = in_.find("]]>", body);
      size_t stop = end == std::string_view::npos ? in_.size() : end;
      if (foreign_) {
        token->offset = body;
        EmitText(in_.substr(body, stop - body), false, token);
        pos_ = end == std::string_view::npos ? in_.size() : end + 3;
        return true;
      }
      pos_ = body;
      SkipPast(">");
      return false;
    }
    pos_ = next + 1;
    SkipPast(">");  // Doctype or bogus comment.
    return false;
  }
  if (next < in_.size() && in_[next] == '?') {
    pos_ = next + 1;
    SkipPast(">");
    return false;
  }
  token->offset = pos_;
  EmitText(in_.substr(pos_, 1), false, token);  // A lone '<' is text.
  ++pos_;
  return true;
}

void HtmlTokenizer::SkipPast(std::string_view terminator) {
  size_t end = in_.find(terminator, pos_);
  pos_ = end == std::string_view::npos ? in_.size() : end + terminator.size();
}

bool HtmlTokenizer::ReadStartTag(HtmlToken* token) {
  size_t start = pos_;
  size_t i = pos_ + 1;
  name_buf_.clear();
  while (i < in_.size() && !IsSpace(in_[i]) && in_[i] != '/' && in_[i] != '>') {
    name_buf_.push_back(in_[i] == '\0' ? '?' : Lower(in_[i]));
    ++i;
  }
  pos_ = i;
  token->type = HtmlToken::Type::kStartTag;
  token->offset = start;
  token->self_closing = false;
  token->text = {};
  ReadAttributes(token);
  if (pos_ > in_.size()) {  // End of input inside a tag: HTML5 drops the tag.
    pos_ = in_.size();
    return false;
  }
  token->name = name_buf_;
  if (!foreign_) {
    const std::string& n = name_buf_;
    if (n == "script" || n == "style" || n == "xmp" || n == "iframe" || n == "noembed" ||
        n == "noframes" || n == "noscript") {
      mode_ = Mode::kRawText;
      raw_end_tag_ = n;
    } else if (n == "title" || n == "textarea") {
      mode_ = Mode::kRcData;
      raw_end_tag_ = n;
    } else if (n == "plaintext") {
      mode_ = Mode::kPlainText;
    }
  }
  return true;
}

// Parses attributes up to and including '>'. Leaves pos_ past '>' or, when
// the input ends inside the tag, at in_.size() + 1.
void HtmlTokenizer::ReadAttributes(HtmlToken* token) {
  attr_buf_.clear();
  attr_offsets_.clear();
  size_t i = pos_;
  const size_t n = in_.size();
  while (true) {
    while (i < n && (IsSpace(in_[i]) || in_[i] == '/')) {
      if (in_[i] == '/' && i + 1 < n && in_[i + 1] == '>') token->self_closing = true;
      ++i;
    }
    if (i >= n) { pos_ = n + 1; break; }
    if (in_[i] == '>') { pos_ = i + 1; break; }
    size_t name_start = attr_buf_.size();
    // The first character may be '='; after it, '=' ends the name.
    do {
      attr_buf_.push_back(Lower(in_[i]));
      ++i;
    } while (i < n && !IsSpace(in_[i]) && in_[i] != '/' && in_[i] != '>' && in_[i] != '=');
    size_t name_end = attr_buf_.size();
    while (i < n && IsSpace(in_[i])) ++i;
    size_t value_start = attr_buf_.size();
    if (i < n && in_[i] == '=') {
      ++i;
      while (i < n && IsSpace(in_[i])) ++i;
      std::string_view raw;
      if (i < n && (in_[i] == '"' || in_[i] == '\'')) {
        char quote = in_[i];
        size_t end = in_.find(quote, i + 1);
        if (end == std::string_view::npos) { pos_ = n + 1; break; }
        raw = in_.substr(i + 1, end - i - 1);
        i = end + 1;
      } else {
        size_t s = i;
        while (i < n && !IsSpace(in_[i]) && in_[i] != '>') ++i;
        raw = in_.substr(s, i - s);
      }
      AppendDecoded(raw, true, &attr_buf_);
    }
    attr_offsets_.insert(attr_offsets_.end(), {name_start, name_end, value_start, attr_buf_.size()});
  }
  token->attributes.clear();
  for (size_t k = 0; k < attr_offsets_.size(); k += 4) {
    std::string_view name(attr_buf_.data() + attr_offsets_[k], attr_offsets_[k + 1] - attr_offsets_[k]);
    bool duplicate = false;
    for (const HtmlAttribute& a : token->attributes) duplicate |= a.name == name;
    if (duplicate) continue;
    token->attributes.push_back(
        {name, std::string_view(attr_buf_.data() + attr_offsets_[k + 2],
                                attr_offsets_[k + 3] - attr_offsets_[k + 2])});
  }
}

bool HtmlTokenizer::ReadEndTag(HtmlToken* token) {
  size_t start = pos_;
  size_t i = pos_ + 2;
  name_buf_.clear();
  while (i < in_.size() && !IsSpace(in_[i]) && in_[i] != '/' && in_[i] != '>') {
    name_buf_.push_back(Lower(in_[i]));
    ++i;
  }
  size_t gt = in_.find('>', i);
  if (gt == std::string_view::npos) {
    pos_ = in_.size();
    return false;
  }
  pos_ = gt + 1;
  token->type = HtmlToken::Type::kEndTag;
  token->name = name_buf_;
  token->attributes.clear();
  token->self_closing = false;
  token->text = {};
  token->offset = start;
  return true;
}

// In raw text or RCDATA: emits the text up to the matching end tag (which
// the next call then reads as an ordinary end tag).
bool HtmlTokenizer::ReadRawText(HtmlToken* token) {
  size_t search = pos_;
  size_t end = in_.size();
  while (true) {
    size_t lt = in_.find("</", search);
    if (lt == std::string_view::npos) break;
    size_t after = lt + 2 + raw_end_tag_.size();
    if (StartsWithNoCase(in_, lt + 2, raw_end_tag_) &&
        (after >= in_.size() || IsSpace(in_[after]) || in_[after] == '/' || in_[after] == '>')) {
      end = lt;
      break;
    }
    search = lt + 2;
  }
  bool decode = mode_ == Mode::kRcData;
  mode_ = Mode::kData;
  if (end == pos_) return false;
  token->offset = pos_;
  EmitText(in_.substr(pos_, end - pos_), decode, token);
  pos_ = end;
  return true;
}

}  // namespace whosaid::internal
