#include "src/model/span_features.h"

#include <algorithm>
#include <string_view>

#include "src/model/feature_hash.h"

namespace whosaid::internal {
namespace {

using Hasher = FeatureHasher;

std::string_view Shape(const TokenizedText& t, int i) {
  if (i < 0 || i >= t.size()) return "#";
  const Token& tok = t[i];
  switch (tok.kind) {
    case TokenKind::kWord: return tok.Is(kAllCaps) ? "A" : tok.Is(kCapitalized) ? "C" : "w";
    case TokenKind::kNumber: return "n";
    case TokenKind::kQuote: return (tok.quote & kQuoteOpen) ? "q(" : (tok.quote & kQuoteClose) ? "q)" : "q";
    case TokenKind::kPunct: return t.Surface(i);
  }
  return "?";
}

// The lower-cased word, the shape of a non-word, "#" outside [first, last).
std::string_view Word(const TokenizedText& t, int i, int first, int last) {
  if (i < first || i >= last) return "#";
  return t[i].kind == TokenKind::kWord ? t.Lower(i) : Shape(t, i);
}

int DistanceBucket(int d) {
  if (d <= 4) return d;
  if (d <= 6) return 5;
  if (d <= 10) return 6;
  if (d <= 15) return 7;
  if (d <= 25) return 8;
  return 9;
}

int Cap(int v, int most) { return std::min(v, most); }

}  // namespace

SpanWindow WindowAround(const TokenizedText& t, int cue_first, int cue_last) {
  SpanWindow w;
  w.cue_first = cue_first;
  w.cue_last = cue_last;
  const auto& sentences = t.sentences();
  int s = t[cue_first].sentence;
  w.first = sentences[s].first;
  w.last = std::max(sentences[s].last, cue_last);
  if (s + 1 < static_cast<int>(sentences.size()) && sentences[s + 1].paragraph == sentences[s].paragraph) {
    w.last = std::max(w.last, static_cast<int>(sentences[s + 1].last));
  }
  if (w.size() > kMaxWindowTokens) {
    int left = std::max(w.first, cue_first - kMaxWindowTokens / 3);
    w.last = std::min(w.last, left + kMaxWindowTokens);
    w.first = std::max(w.first, w.last - kMaxWindowTokens);
    w.first = std::min(w.first, cue_first);
    w.last = std::max(w.last, cue_last);
  }
  return w;
}

void SpanFeatures(const SpanContext& c, const SpanWindow& w, std::vector<uint32_t>* features,
                  std::vector<int>* offsets, std::vector<uint8_t>* allowed) {
  const TokenizedText& t = *c.text;
  const int n = w.size();
  features->clear();
  offsets->assign(1, 0);
  allowed->assign(n, 0x1F);
  // Prefix counts over the window: commas, quotation marks, "that",
  // sentence ends and other cues before token first + j.
  std::vector<int> commas(n + 1, 0), quotes(n + 1, 0), thats(n + 1, 0), stops(n + 1, 0), cues(n + 1, 0);
  for (int j = 0; j < n; ++j) {
    int i = w.first + j;
    bool other_cue = (i < w.cue_first || i >= w.cue_last) && (*c.cue_len)[i] > 0;
    commas[j + 1] = commas[j] + (t.IsPunct(i, ',') || t.IsPunct(i, ';') ? 1 : 0);
    quotes[j + 1] = quotes[j] + (t[i].kind == TokenKind::kQuote ? 1 : 0);
    thats[j + 1] = thats[j] + (t.IsWord(i) && t.Lower(i) == "that" ? 1 : 0);
    stops[j + 1] = stops[j] + (t.IsPunct(i, '.') || t.IsPunct(i, '?') || t.IsPunct(i, '!') ? 1 : 0);
    cues[j + 1] = cues[j] + (other_cue ? 1 : 0);
  }
  const int cf = w.cue_first - w.first, cl = w.cue_last - w.first;
  auto between = [&](const std::vector<int>& prefix, int j) {
    return j < cf ? prefix[cf] - prefix[j + 1] : j >= cl ? prefix[j] - prefix[cl] : 0;
  };
  std::string_view cue_word = t.Lower(w.cue_first);
  if (!t.IsWord(w.cue_first)) cue_word = Shape(t, w.cue_first);
  std::string_view cue_last_word = Word(t, w.cue_last - 1, w.first, w.last);
  std::string_view after_cue = Word(t, w.cue_last, w.first, w.last);
  std::string_view before_cue = Word(t, w.cue_first - 1, w.first, w.last);
  const CueForm* form = c.cue_form != nullptr ? (*c.cue_form)[w.cue_first] : nullptr;
  std::string_view lemma = form != nullptr ? std::string_view(form->lemma) : std::string_view("(none)");
  const int form_kind = form == nullptr ? 0 : 1 + form->flags * 4 + (form->participle ? 2 : 0) + (form->base ? 1 : 0);
  const int category = form == nullptr ? -1 : static_cast<int>(form->category);
  const int cue_sentence = t[w.cue_first].sentence;
  const bool cue_sentence_start = w.cue_first == t.sentences()[cue_sentence].first;
  for (int j = 0; j < n; ++j) {
    const int i = w.first + j;
    uint32_t f[kMaxSpanFeatures];
    int k = 0;
    std::string_view dir = i < w.cue_first ? "L" : i >= w.cue_last ? "R" : "C";
    if (dir == "C") (*allowed)[j] = 1;  // The cue's tokens: O only.
    int dist = i < w.cue_first ? w.cue_first - i : i >= w.cue_last ? i - w.cue_last + 1 : 0;
    int db = DistanceBucket(dist);
    std::string_view word = Word(t, i, w.first, w.last);
    std::string_view p1 = Word(t, i - 1, w.first, w.last), n1 = Word(t, i + 1, w.first, w.last);
    std::string_view shape = Shape(t, i);
    int in_quote = (*c.quote_of_token)[i] >= 0 ? 1 : 0;
    int sentence = t[i].sentence - cue_sentence;  // -1 cannot happen; 0 or 1.
    int mention = c.mention_kind != nullptr ? (*c.mention_kind)[i] : 0;
    int n_commas = Cap(between(commas, j), 3), n_quotes = Cap(between(quotes, j), 2);
    int n_thats = Cap(between(thats, j), 1), n_stops = Cap(between(stops, j), 1);
    int n_cues = Cap(between(cues, j), 1);
    f[k++] = Hasher(1).Add(dir).Done();
    f[k++] = Hasher(2).Add(dir).Add(db).Done();
    f[k++] = Hasher(3).Add(dir).Add(word).Done();
    f[k++] = Hasher(4).Add(word).Done();
    f[k++] = Hasher(5).Add(dir).Add(shape).Done();
    if (word.size() > 3) f[k++] = Hasher(6).Add(dir).Add(word.substr(word.size() - 3)).Done();
    f[k++] = Hasher(7).Add(dir).Add(p1).Done();
    f[k++] = Hasher(8).Add(dir).Add(n1).Done();
    f[k++] = Hasher(9).Add(dir).Add(p1).Add(word).Done();
    f[k++] = Hasher(10).Add(dir).Add(word).Add(n1).Done();
    f[k++] = Hasher(11).Add(dir).Add(cue_word).Done();
    f[k++] = Hasher(12).Add(dir).Add(db).Add(cue_word).Done();
    f[k++] = Hasher(13).Add(dir).Add(n_commas).Done();
    f[k++] = Hasher(14).Add(dir).Add(n_quotes).Add(in_quote).Done();
    f[k++] = Hasher(15).Add(dir).Add(n_thats).Done();
    f[k++] = Hasher(16).Add(dir).Add(in_quote).Done();
    f[k++] = Hasher(17).Add(dir).Add(Shape(t, i - 1)).Add(shape).Done();
    f[k++] = Hasher(18).Add(dir).Add(sentence).Add(n_stops).Done();
    f[k++] = Hasher(19).Add(dir).Add(mention).Done();
    f[k++] = Hasher(20).Add(dir).Add(mention).Add(db).Done();
    f[k++] = Hasher(21).Add(dir).Add(t[i].Is(kSentenceStart) ? 1 : 0).Add(shape).Done();
    f[k++] = Hasher(22).Add(dir).Add(n_cues).Done();
    f[k++] = Hasher(23).Add(dir).Add(after_cue).Add(db).Done();
    f[k++] = Hasher(24).Add(dir).Add(before_cue).Add(db).Done();
    f[k++] = Hasher(25).Add(dir).Add(db).Add(shape).Done();
    if (dist <= 3) f[k++] = Hasher(26).Add(dir).Add(cue_word).Add(word).Done();
    f[k++] = Hasher(27).Add(dir).Add(n_commas).Add(n_thats).Add(n_quotes).Done();
    f[k++] = Hasher(28).Add(dir).Add(cue_last_word).Done();
    f[k++] = Hasher(29).Add(dir).Add(cue_sentence_start ? 1 : 0).Add(after_cue).Done();
    f[k++] = Hasher(30).Add(dir).Add(cue_word).Add(n_commas).Add(n_thats).Done();
    f[k++] = Hasher(31).Add(dir).Add(mention).Add(p1).Done();
    f[k++] = Hasher(32).Add(dir).Add(cue_word).Add(after_cue).Done();
    f[k++] = Hasher(33).Add(dir).Add(cue_word).Add(before_cue).Done();
    f[k++] = Hasher(34).Add(dir).Add(lemma).Done();
    f[k++] = Hasher(35).Add(dir).Add(db).Add(lemma).Done();
    f[k++] = Hasher(36).Add(dir).Add(form_kind).Add(category).Done();
    f[k++] = Hasher(37).Add(dir).Add(form_kind).Add(n_commas).Add(db).Done();
    features->insert(features->end(), f, f + k);
    offsets->push_back(static_cast<int>(features->size()));
  }
}

}  // namespace whosaid::internal
