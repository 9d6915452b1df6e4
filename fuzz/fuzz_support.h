// Shared by the libFuzzer targets: the checks every extracted Article must
// pass whatever its input, and an in-memory file so readers that open paths
// can be fed fuzz data. Test-only; production never links it.
#ifndef WHOSAID_FUZZ_FUZZ_SUPPORT_H_
#define WHOSAID_FUZZ_FUZZ_SUPPORT_H_

#include <sys/mman.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "src/util/utf8.h"
#include "whosaid/article.h"

namespace whosaid::fuzz {

// Aborts (a finding for libFuzzer) with a message when cond is false.
inline void Check(bool cond, const char* what) {
  if (!cond) {
    std::fprintf(stderr, "fuzz invariant violated: %s\n", what);
    std::abort();
  }
}

// Checks that span lies inside text and that its text equals text[start:end]
// in code points: the promise every output span makes (article.h).
inline void CheckSpan(const internal::CodePointIndex& index, std::string_view text, const Span& span) {
  Check(span.start >= 0 && span.start <= span.end && span.end <= index.size(), "span inside text");
  size_t begin = index.ToByte(span.start);
  size_t end = index.ToByte(span.end);
  Check(text.substr(begin, end - begin) == span.text, "span text == text[start:end]");
}

// Checks what must hold of any Article whatever the input: valid UTF-8 text
// and every span of people, quotes and time expressions consistent with it.
inline void CheckArticle(const Article& a) {
  std::string repaired;
  int64_t first_bad = -1;
  Check(internal::RepairUtf8(a.text, &repaired, &first_bad) == 0, "article text is valid UTF-8");
  internal::CodePointIndex index(a.text);
  for (const Person& p : a.people) {
    for (const Mention& m : p.mentions) CheckSpan(index, a.text, m.span);
  }
  for (const Quote& q : a.quotes) {
    CheckSpan(index, a.text, q.content);
    for (const Span& part : q.parts) CheckSpan(index, a.text, part);
    if (q.cue) CheckSpan(index, a.text, *q.cue);
    if (q.source) CheckSpan(index, a.text, *q.source);
  }
  for (const TimeMention& t : a.events) CheckSpan(index, a.text, t.span);
}

// An anonymous in-memory file holding data, named by a /proc/self/fd path
// that InputReader::Open accepts like any file.
class MemFile {
 public:
  explicit MemFile(std::string_view data) {
    fd_ = memfd_create("whosaid_fuzz", 0);
    Check(fd_ >= 0, "memfd_create");
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = write(fd_, data.data() + done, data.size() - done);
      Check(n > 0, "write to memfd");
      done += static_cast<size_t>(n);
    }
    path_ = "/proc/self/fd/" + std::to_string(fd_);
  }
  ~MemFile() { close(fd_); }
  MemFile(const MemFile&) = delete;
  MemFile& operator=(const MemFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  int fd_ = -1;
  std::string path_;
};

}  // namespace whosaid::fuzz

#endif  // WHOSAID_FUZZ_FUZZ_SUPPORT_H_
