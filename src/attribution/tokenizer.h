// Splits article text into tokens (words, numbers, punctuation, quotation
// marks) with byte offsets, and marks paragraph and sentence boundaries.
// Built for speed: one pass, no allocation per token beyond the vectors.
// A TokenizedText is immutable once built and safe to share.
#ifndef WHOSAID_ATTRIBUTION_TOKENIZER_H_
#define WHOSAID_ATTRIBUTION_TOKENIZER_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace whosaid::internal {

enum class TokenKind : uint8_t {
  kWord,    // Letters, with inner apostrophes, hyphens and abbreviation dots.
  kNumber,  // Starts with a digit: "2019", "1,000", "3.5".
  kPunct,   // One punctuation mark, or "..." / "--".
  kQuote,   // A quotation mark; see QuoteMark.
};

// Bits of Token::quote for kQuote tokens.
enum QuoteMark : uint8_t {
  kQuoteDouble = 1,   // " “ ” « » „
  kQuoteSingle = 2,   // ' ‘ ’ ‹ › ‚
  kQuoteOpen = 4,     // Typographically an opening mark: “ ‘ « ‹ „ ‚
  kQuoteClose = 8,    // Typographically a closing mark: ” ’ » ›
  // Neither open nor close: the ASCII " or ', decided from context.
};

enum TokenFlag : uint8_t {
  kCapitalized = 1,      // First letter is upper case.
  kAllCaps = 2,          // Two or more letters, all upper case.
  kParagraphStart = 4,
  kSentenceStart = 8,
  kSpaceBefore = 16,     // Whitespace (or text start) right before it.
  kSpaceAfter = 32,      // Whitespace (or text end) right after it.
  kPossessive = 64,      // The clitic "'s" / "’s" split from a word.
};

struct Token {
  uint32_t begin = 0;     // Byte offsets into the text.
  uint32_t end = 0;
  uint32_t lower = 0;     // Offset of the lower-cased form in TokenizedText::lower_.
  uint32_t lower_len = 0;
  int32_t sentence = 0;
  int32_t paragraph = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t flags = 0;
  uint8_t quote = 0;      // QuoteMark bits for kQuote.
  bool Is(uint8_t flag) const { return (flags & flag) != 0; }
};

struct Sentence {
  int32_t first = 0;  // Token range [first, last).
  int32_t last = 0;
  int32_t paragraph = 0;
};

class TokenizedText {
 public:
  // REQUIRES: text is valid UTF-8 and outlives this object.
  explicit TokenizedText(std::string_view text);

  std::string_view text() const { return text_; }
  const std::vector<Token>& tokens() const { return tokens_; }
  const std::vector<Sentence>& sentences() const { return sentences_; }
  int size() const { return static_cast<int>(tokens_.size()); }
  const Token& operator[](int i) const { return tokens_[i]; }
  // The token's text as written, and lower-cased (ASCII letters only).
  std::string_view Surface(int i) const {
    return text_.substr(tokens_[i].begin, tokens_[i].end - tokens_[i].begin);
  }
  std::string_view Lower(int i) const {
    return std::string_view(lower_).substr(tokens_[i].lower, tokens_[i].lower_len);
  }
  // Both answer false for an index outside the text, so a look one token
  // to the left or right at either end reads nothing (the fuzzer found two
  // such reads at the first token).
  bool IsPunct(int i, char c) const {
    return InRange(i) && tokens_[i].kind == TokenKind::kPunct && tokens_[i].end - tokens_[i].begin == 1 &&
           text_[tokens_[i].begin] == c;
  }
  bool IsWord(int i) const { return InRange(i) && tokens_[i].kind == TokenKind::kWord; }
  bool InRange(int i) const { return static_cast<size_t>(i) < tokens_.size(); }

 private:
  void Tokenize();
  void SplitSentences();
  void AddToken(uint32_t begin, uint32_t end, TokenKind kind, uint8_t quote, int paragraph);

  std::string_view text_;
  std::string lower_;
  std::vector<Token> tokens_;
  std::vector<Sentence> sentences_;
};

// True for code points that belong inside words (letters, digits, marks).
bool IsWordCodePoint(char32_t cp);
// True for upper-case letters (ASCII, Latin-1, Latin Extended-A, Greek, Cyrillic).
bool IsUpperCodePoint(char32_t cp);

// True when token i is a dash: an em or en dash, "--", or a lone "-".
bool IsDash(const TokenizedText& t, int i);

// A dateline that opens a paragraph at token i: all-capitals place words
// (", Country" allowed), an optional "(Agency)", then a dash ("BERLIN --",
// "KYIV, Ukraine —", "WASHINGTON (Reuters) -"). Returns the token after the
// dash, or -1 when there is none. It names no speaker and is no content.
int DatelineEnd(const TokenizedText& t, int i);

}  // namespace whosaid::internal

#endif  // WHOSAID_ATTRIBUTION_TOKENIZER_H_
