// The article reader's text with highlighted statements.
#include "src/server/article_view.h"

#include <algorithm>
#include <vector>

#include "src/server/escape.h"
#include "src/util/utf8.h"

namespace whosaid::internal {
namespace {

struct Interval {
  int64_t start = 0;  // Code points.
  int64_t end = 0;
  size_t quote = 0;   // Index into article.quotes.
};

std::string QuoteAnchor(const ArticleRecord& record, size_t i) {
  int64_t id = i < record.quote_ids.size() ? record.quote_ids[i] : static_cast<int64_t>(i);
  std::string anchor = "q";
  anchor += std::to_string(id);
  return anchor;
}

std::string StatementDate(const Article& a, const Quote& q) {
  if (q.date && !q.date->empty()) return *q.date;
  return a.date.value_or("");
}

void AppendTip(const ArticleRecord& record, size_t i, std::string* out) {
  const Article& a = record.article;
  const Quote& q = a.quotes[i];
  std::string anchor = QuoteAnchor(record, i);
  *out += "<span class=\"tip\" role=\"tooltip\" id=\"" + anchor + "-tip\">";
  auto row = [&](const char* label, std::string_view value) {
    if (value.empty()) return;
    *out += "<span class=\"tip-row\"><span class=\"tip-label\">";
    *out += label;
    *out += "</span> ";
    AppendHtmlEscaped(value, out);
    *out += "</span>";
  };
  row("Speaker", q.speaker.value_or("unknown"));
  row("Cue", q.cue ? std::string_view(q.cue->text) : std::string_view());
  row("To", q.addressee.value_or(""));
  row("Date", StatementDate(a, q));
  *out += "</span>";
}

// Sorts statements outer-first and cuts each so that they nest.
std::vector<Interval> NestedIntervals(const Article& a, int64_t length) {
  std::vector<Interval> in;
  for (size_t i = 0; i < a.quotes.size(); ++i) {
    int64_t s = std::clamp<int64_t>(a.quotes[i].content.start, 0, length);
    int64_t e = std::clamp<int64_t>(a.quotes[i].content.end, 0, length);
    if (s < e) in.push_back({s, e, i});
  }
  std::stable_sort(in.begin(), in.end(), [](const Interval& x, const Interval& y) {
    return x.start != y.start ? x.start < y.start : x.end > y.end;
  });
  std::vector<Interval> out;
  std::vector<Interval> stack;
  for (Interval iv : in) {
    while (!stack.empty() && stack.back().end <= iv.start) stack.pop_back();
    if (!stack.empty() && iv.end > stack.back().end) iv.end = stack.back().end;
    if (iv.start >= iv.end) continue;
    stack.push_back(iv);
    out.push_back(iv);
  }
  return out;
}

// Writes text and marks, closing and reopening marks at paragraph breaks.
class TextRenderer {
 public:
  TextRenderer(const ArticleRecord& record, std::string* out) : record_(record), out_(out) {}

  void Open(size_t quote) {
    const Article& a = record_.article;
    std::string anchor = QuoteAnchor(record_, quote);
    *out_ += "<mark class=\"stmt " + SpeakerColourClass(a, a.quotes[quote]) + "\" id=\"" + anchor +
             "\" tabindex=\"0\" aria-describedby=\"" + anchor + "-tip\">";
    AppendTip(record_, quote, out_);
    open_.push_back(quote);
  }
  void Close() {
    *out_ += "</mark>";
    open_.pop_back();
  }
  // Appends text[from, to) (bytes), escaped.
  void Text(std::string_view text) {
    size_t i = 0;
    while (i < text.size()) {
      size_t nl = text.find('\n', i);
      if (nl == std::string_view::npos) nl = text.size();
      AppendHtmlEscaped(text.substr(i, nl - i), out_);
      if (nl == text.size()) break;
      size_t run = nl;
      while (run < text.size() && (text[run] == '\n' || text[run] == '\r')) ++run;
      if (run - nl >= 2) {
        ParagraphBreak();
      } else {
        *out_ += "<br>";
      }
      i = run;
    }
  }

 private:
  void ParagraphBreak() {
    for (size_t k = open_.size(); k-- > 0;) *out_ += "</mark>";
    *out_ += "</p>\n<p>";
    const Article& a = record_.article;
    for (size_t q : open_) {
      *out_ += "<mark class=\"stmt cont " + SpeakerColourClass(a, a.quotes[q]) + "\">";
    }
  }

  const ArticleRecord& record_;
  std::string* out_;
  std::vector<size_t> open_;
};

}  // namespace

std::string SpeakerColourClass(const Article& article, const Quote& quote) {
  if (!quote.speaker_id) return "spk-none";
  for (size_t i = 0; i < article.people.size(); ++i) {
    if (article.people[i].id == *quote.speaker_id) {
      std::string name = "spk";
      name += std::to_string(i % kSpeakerColours);
      return name;
    }
  }
  return "spk-none";
}

std::string RenderArticleText(const ArticleRecord& record) {
  const std::string& text = record.article.text;
  CodePointIndex index(text);
  std::vector<Interval> intervals = NestedIntervals(record.article, index.size());
  // Events: each interval opens at start and closes at end; closes first.
  std::string out = "<p>";
  TextRenderer r(record, &out);
  std::vector<int64_t> ends;  // Stack of open interval ends.
  int64_t pos = 0;
  auto advance = [&](int64_t to) {
    if (to > pos) r.Text(std::string_view(text).substr(index.ToByte(pos), index.ToByte(to) - index.ToByte(pos)));
    pos = to;
  };
  for (const Interval& iv : intervals) {
    while (!ends.empty() && ends.back() <= iv.start) {
      advance(ends.back());
      r.Close();
      ends.pop_back();
    }
    advance(iv.start);
    r.Open(iv.quote);
    ends.push_back(iv.end);
  }
  while (!ends.empty()) {
    advance(ends.back());
    r.Close();
    ends.pop_back();
  }
  advance(index.size());
  out += "</p>";
  return out;
}

std::string RenderWhoSaidWhat(const ArticleRecord& record) {
  const Article& a = record.article;
  std::vector<size_t> order;
  for (size_t i = 0; i < a.quotes.size(); ++i) order.push_back(i);
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t x, size_t y) { return a.quotes[x].content.start < a.quotes[y].content.start; });
  std::string out = "<ol class=\"who-said-what\">";
  for (size_t i : order) {
    const Quote& q = a.quotes[i];
    out += "<li><a class=\"wsw " + SpeakerColourClass(a, q) + "\" href=\"#" + QuoteAnchor(record, i) +
           "\"><span class=\"who\">";
    AppendHtmlEscaped(q.speaker.value_or("Unknown speaker"), &out);
    out += "</span>";
    if (q.cue) {
      out += " <span class=\"cue\">";
      AppendHtmlEscaped(q.cue->text, &out);
      out += "</span>";
    }
    if (q.addressee && !q.addressee->empty()) {
      out += " <span class=\"to\">to ";
      AppendHtmlEscaped(*q.addressee, &out);
      out += "</span>";
    }
    out += ": <span class=\"what\">";
    AppendHtmlEscaped(TruncateText(q.content.text, 160), &out);
    out += "</span></a></li>";
  }
  out += "</ol>";
  return out;
}

std::string TruncateText(std::string_view text, int64_t max_code_points) {
  int64_t count = 0;
  for (size_t i = 0; i < text.size();) {
    if (count == max_code_points) {
      std::string cut(text.substr(0, i));
      cut.append("\xE2\x80\xA6");
      return cut;
    }
    char32_t cp;
    int n = DecodeUtf8(text, i, &cp);
    i += n > 0 ? n : 1;
    ++count;
  }
  return std::string(text);
}

}  // namespace whosaid::internal
