// Tests for input readers: WARC (plain and gzipped), JSON Lines, gzipped
// HTML, directories, and bad records. Every input is built here.
#include "whosaid/reader.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "src/warc/warc_reader.h"
#include "src/warc/warc_writer.h"

namespace whosaid {
namespace {

using internal::AppendWarcRecord;
using internal::MakeHttpResponse;
using internal::WarcRecordSpec;

std::string Page(const std::string& headline, const std::string& sentence) {
  return "<!DOCTYPE html><html><head><title>" + headline + "</title></head><body><article>"
         "<h1>" + headline + "</h1><p>" + sentence + " The council said the work would take "
         "several weeks, and that residents would be told of any delays in good time.</p><p>"
         "Local businesses, which had asked for the change, welcomed the decision on Monday.</p>"
         "</article></body></html>";
}

class TempDir {
 public:
  TempDir() {
    char tmpl[] = "/tmp/whosaid_reader_XXXXXX";
    path_ = mkdtemp(tmpl);
  }
  ~TempDir() { std::filesystem::remove_all(path_); }
  std::string Write(const std::string& name, const std::string& data) const {
    std::string p = path_ + "/" + name;
    std::filesystem::create_directories(std::filesystem::path(p).parent_path());
    std::ofstream(p, std::ios::binary) << data;
    return p;
  }
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

std::vector<InputRecord> ReadAll(const std::string& path) {
  auto reader = InputReader::Open(path, ReaderOptions{});
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  std::vector<InputRecord> out;
  if (!reader.ok()) return out;
  InputRecord r;
  while ((*reader)->Next(&r) && out.size() < 1000) out.push_back(r);
  return out;
}

std::string SampleWarc(bool gzip) {
  std::string warc;
  WarcRecordSpec info;
  info.type = "warcinfo";
  info.content_type = "application/warc-fields";
  info.block = "software: whosaid-test\r\n";
  AppendWarcRecord(info, gzip, &warc);
  WarcRecordSpec request;
  request.type = "request";
  request.target_uri = "https://a.example/2024/03/02/one";
  request.block = "GET /2024/03/02/one HTTP/1.1\r\nHost: a.example\r\n\r\n";
  AppendWarcRecord(request, gzip, &warc);
  WarcRecordSpec one;
  one.target_uri = "https://a.example/2024/03/02/one";
  one.date = "2024-03-02T10:00:00Z";
  one.block = MakeHttpResponse(Page("Bridge to reopen", "The bridge will reopen in May."),
                               "text/html; charset=utf-8", /*chunked=*/true, /*gzip_body=*/true);
  AppendWarcRecord(one, gzip, &warc);
  WarcRecordSpec image;
  image.target_uri = "https://a.example/logo.png";
  image.block = MakeHttpResponse(std::string("\x89PNG\r\n\x1A\n", 8), "image/png", false, false);
  AppendWarcRecord(image, gzip, &warc);
  WarcRecordSpec two;
  two.type = "resource";
  two.target_uri = "https://b.example/news/two";
  two.content_type = "text/html";
  two.block = Page("Library extends hours", "The library will open on Sundays.");
  AppendWarcRecord(two, gzip, &warc);
  return warc;
}

TEST(WarcReader, ReadsResponseAndResourceRecordsAndSkipsOthers) {
  for (bool gzip : {false, true}) {
    TempDir dir;
    std::string warc = SampleWarc(gzip);
    std::string path = dir.Write(gzip ? "a.warc.gz" : "a.warc", warc);
    std::vector<InputRecord> records = ReadAll(path);
    ASSERT_EQ(records.size(), 5u) << gzip;
    EXPECT_EQ(records[0].kind, InputRecord::Kind::kSkipped);
    EXPECT_EQ(records[0].reason, "WARC warcinfo record");
    EXPECT_EQ(records[1].reason, "WARC request record");
    EXPECT_EQ(records[3].kind, InputRecord::Kind::kSkipped);
    EXPECT_EQ(records[3].reason, "non-HTML payload (image/png)");
    ASSERT_EQ(records[2].kind, InputRecord::Kind::kDocument);
    EXPECT_EQ(records[2].provenance.warc_target_uri.value_or(""), "https://a.example/2024/03/02/one");
    EXPECT_EQ(records[2].provenance.warc_date.value_or(""), "2024-03-02T10:00:00Z");
    EXPECT_NE(records[2].data.find("The bridge will reopen in May."), std::string::npos);
    ASSERT_EQ(records[4].kind, InputRecord::Kind::kDocument);
    EXPECT_EQ(records[4].provenance.format, "warc");
    // Offsets and lengths tile the file: each record (or gzip member) is
    // exactly [offset, offset + length).
    int64_t expected_offset = 0;
    for (const InputRecord& r : records) {
      EXPECT_EQ(r.provenance.offset, expected_offset) << gzip;
      expected_offset += r.provenance.length;
      std::string slice = warc.substr(r.provenance.offset, r.provenance.length);
      if (!gzip) EXPECT_EQ(slice.substr(0, 9), "WARC/1.1\r");
      else EXPECT_EQ(slice.substr(0, 2), "\x1F\x8B");
    }
    EXPECT_EQ(expected_offset, static_cast<int64_t>(warc.size()));
    StatusOr<Article> a = ExtractRecord(records[2], ExtractOptions{});
    ASSERT_TRUE(a.ok()) << a.status().ToString();
    EXPECT_EQ(a->title.value_or(""), "Bridge to reopen");
    EXPECT_EQ(a->date.value_or(""), "2024-03-02");  // From the URL.
    EXPECT_EQ(a->provenance.offset, records[2].provenance.offset);
  }
}

TEST(WarcReader, TruncatedGzipMemberIsReportedAfterGoodRecords) {
  TempDir dir;
  std::string warc = SampleWarc(true);
  std::string path = dir.Write("cut.warc.gz", warc.substr(0, warc.size() - 40));
  std::vector<InputRecord> records = ReadAll(path);
  ASSERT_GE(records.size(), 4u);
  EXPECT_EQ(records[2].kind, InputRecord::Kind::kDocument);
  EXPECT_EQ(records.back().kind, InputRecord::Kind::kFailed);
  EXPECT_NE(records.back().reason.find("gzip"), std::string::npos) << records.back().reason;
}

// Three resource records, one gzip member each; member_begin[k] is where
// record k's member starts and member_begin[3] the file size.
std::string ThreeMemberWarc(int64_t member_begin[4]) {
  std::string warc;
  const char* headlines[] = {"Bridge to reopen", "Library extends hours", "Fair opens"};
  for (int k = 0; k < 3; ++k) {
    member_begin[k] = static_cast<int64_t>(warc.size());
    WarcRecordSpec spec;
    spec.type = "resource";
    spec.target_uri = "https://c.example/news/" + std::to_string(k);
    spec.content_type = "text/html";
    spec.block = Page(headlines[k], "The council met on Monday.");
    AppendWarcRecord(spec, /*gzip=*/true, &warc);
  }
  member_begin[3] = static_cast<int64_t>(warc.size());
  return warc;
}

// Each case damages the middle member in a different way; reading must
// report that member's span and go on to the third record.
TEST(WarcReader, CorruptGzipMemberIsSkippedToTheNextMember) {
  struct Case {
    const char* name;
    int where;  // 0: deflate data, 1: CRC trailer, 2: garbage before the member.
  } cases[] = {{"deflate data", 0}, {"crc trailer", 1}, {"garbage between members", 2}};
  for (const Case& c : cases) {
    TempDir dir;
    int64_t begin[4];
    std::string warc = ThreeMemberWarc(begin);
    int64_t damaged_begin = begin[1], damaged_end = begin[2];
    if (c.where == 0) {
      for (int64_t i = begin[1] + 20; i < begin[1] + 40; ++i) warc[i] = static_cast<char>(warc[i] ^ 0x5A);
    } else if (c.where == 1) {
      warc[begin[2] - 6] = static_cast<char>(warc[begin[2] - 6] ^ 0xFF);
    } else {
      warc.insert(static_cast<size_t>(begin[1]), "this is not gzip");
      damaged_end = begin[1] + 16;
    }
    std::vector<InputRecord> records = ReadAll(dir.Write("d.warc.gz", warc));
    ASSERT_EQ(records.size(), c.where == 2 ? 4u : 3u) << c.name;
    EXPECT_EQ(records[0].kind, InputRecord::Kind::kDocument) << c.name;
    const InputRecord& bad = records[1];
    EXPECT_EQ(bad.kind, InputRecord::Kind::kFailed) << c.name;
    EXPECT_NE(bad.reason.find("corrupt gzip"), std::string::npos) << c.name << ": " << bad.reason;
    EXPECT_EQ(bad.provenance.offset, damaged_begin) << c.name;
    EXPECT_EQ(bad.provenance.offset + bad.provenance.length, damaged_end) << c.name;
    const InputRecord& last = records.back();
    ASSERT_EQ(last.kind, InputRecord::Kind::kDocument) << c.name;
    EXPECT_EQ(last.provenance.warc_target_uri.value_or(""), "https://c.example/news/2") << c.name;
    EXPECT_EQ(last.provenance.offset + last.provenance.length, static_cast<int64_t>(warc.size())) << c.name;
  }
}

TEST(WarcReader, CorruptHeaderIsSkippedAndReadingResumes) {
  TempDir dir;
  std::string warc = SampleWarc(false);
  size_t third = warc.find("WARC/1.1", warc.find("WARC-Type: response"));
  std::string broken = warc;
  broken.replace(warc.find("WARC/1.1\r\nWARC-Type: response"), 8, "XXXX/1.1");
  (void)third;
  std::vector<InputRecord> records = ReadAll(dir.Write("bad.warc", broken));
  int failed = 0, documents = 0;
  for (const auto& r : records) {
    failed += r.kind == InputRecord::Kind::kFailed;
    documents += r.kind == InputRecord::Kind::kDocument;
  }
  EXPECT_EQ(failed, 1);
  EXPECT_EQ(documents, 1);  // The resource record after the damage.
  EXPECT_EQ(records.back().provenance.warc_target_uri.value_or(""), "https://b.example/news/two");
}

TEST(WarcReader, BadContentLengthAndTruncatedBlock) {
  TempDir dir;
  std::string warc = "WARC/1.0\r\nWARC-Type: resource\r\nContent-Length: banana\r\n\r\nxx\r\n\r\n";
  warc += "WARC/1.0\r\nWARC-Type: resource\r\nContent-Type: text/html\r\nContent-Length: 500\r\n\r\n<p>short";
  std::vector<InputRecord> records = ReadAll(dir.Write("w.warc", warc));
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].kind, InputRecord::Kind::kFailed);
  EXPECT_NE(records[0].reason.find("Content-Length"), std::string::npos);
  EXPECT_EQ(records[1].kind, InputRecord::Kind::kFailed);
  EXPECT_NE(records[1].reason.find("truncated"), std::string::npos);
}

TEST(HttpResponse, DecodesChunkedGzipAndKeepsUndeclaredBodies) {
  internal::HttpPayload p = internal::ParseHttpResponse(
      MakeHttpResponse("<p>hello</p>", "text/html", true, true), 1 << 20);
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, "<p>hello</p>");
  internal::HttpPayload q = internal::ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\n<p>already decoded</p>", 1 << 20);
  EXPECT_EQ(q.body, "<p>already decoded</p>");
  EXPECT_FALSE(internal::ParseHttpResponse("garbage", 100).error.empty());
}

TEST(HttpResponse, ChunkSizeTooLargeForAnIntegerKeepsTheBodyAsItIs) {
  // 18 hex digits overflow a 64-bit size: the body is not chunked after all.
  std::string body = "ffffffffffffffffff\r\n<p>x</p>\r\n0\r\n\r\n";
  internal::HttpPayload p = internal::ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\n" + body,
      1 << 20);
  EXPECT_EQ(p.status, 200);
  EXPECT_EQ(p.body, body);
  internal::HttpPayload q = internal::ParseHttpResponse(
      "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nfffffffffffffff\r\nabc", 1 << 20);
  EXPECT_EQ(q.body, "abc");  // 15 digits fit: a truncated last chunk keeps what is there.
}

TEST(InputReader, DetectsGzippedHtmlTextAndJsonl) {
  TempDir dir;
  std::string html = dir.Write("p.html.gz", internal::GzipMember(Page("Fair opens", "The fair opened.")));
  auto records = ReadAll(html);
  ASSERT_EQ(records.size(), 1u);
  EXPECT_EQ(records[0].payload_format, "html");
  EXPECT_EQ(records[0].provenance.format, "html");
  std::string text = dir.Write("t.txt", "The fair opened on Monday, the mayor said.\n");
  EXPECT_EQ(ReadAll(text)[0].payload_format, "text");
  std::string jsonl = dir.Write(
      "n.jsonl",
      "{\"maintext\":\"The fair opened on Monday, the mayor said.\",\"title\":\"Fair opens\","
      "\"date_publish\":\"2021-06-01 09:00:00\",\"url\":\"https://c.example/fair\",\"source_domain\":\"c.example\"}\n"
      "\n{not json}\n"
      "{\"id\":\"x\",\"text\":\"Rain is expected later, forecasters said.\",\"title\":\"Rain\",\"publisher\":\"Daily\",\"provenance\":{}}\n");
  records = ReadAll(jsonl);
  ASSERT_EQ(records.size(), 3u);
  EXPECT_EQ(records[1].provenance.offset, static_cast<int64_t>(jsonl.size() > 0 ? std::string(
      "{\"maintext\":\"The fair opened on Monday, the mayor said.\",\"title\":\"Fair opens\","
      "\"date_publish\":\"2021-06-01 09:00:00\",\"url\":\"https://c.example/fair\",\"source_domain\":\"c.example\"}\n\n").size() : 0));
  StatusOr<Article> a = ExtractRecord(records[0], ExtractOptions{});
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_EQ(a->text, "The fair opened on Monday, the mayor said.");
  EXPECT_EQ(a->title.value_or(""), "Fair opens");
  EXPECT_EQ(a->date.value_or(""), "2021-06-01");
  EXPECT_EQ(a->publisher.value_or(""), "c.example");
  EXPECT_EQ(ExtractRecord(records[1], ExtractOptions{}).status().code(), Status::Code::kCorruption);
  StatusOr<Article> b = ExtractRecord(records[2], ExtractOptions{});
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->publisher.value_or(""), "Daily");
}

TEST(InputReader, ListsDirectoriesRecursivelyInOrder) {
  TempDir dir;
  dir.Write("b/2.html", "x");
  dir.Write("a.txt", "x");
  dir.Write("b/c/1.txt", "x");
  std::vector<std::string> files;
  ASSERT_TRUE(ListInputFiles({dir.path()}, &files).ok());
  ASSERT_EQ(files.size(), 3u);
  EXPECT_EQ(files[0], dir.path() + "/a.txt");
  EXPECT_EQ(files[1], dir.path() + "/b/2.html");
  EXPECT_EQ(files[2], dir.path() + "/b/c/1.txt");
  EXPECT_EQ(ListInputFiles({dir.path() + "/nope"}, &files).code(), Status::Code::kNotFound);
}

TEST(InputReader, OversizedDocumentIsSkipped) {
  TempDir dir;
  std::string path = dir.Write("big.html", "<html><body><p>" + std::string(5000, 'a') + "</p></body></html>");
  ReaderOptions options;
  options.max_record_bytes = 1000;
  auto reader = InputReader::Open(path, options);
  ASSERT_TRUE(reader.ok());
  InputRecord r;
  ASSERT_TRUE((*reader)->Next(&r));
  EXPECT_EQ(r.kind, InputRecord::Kind::kSkipped);
  EXPECT_NE(r.reason.find("too large"), std::string::npos);
}

// Found by the fault tests: a read that failed (EIO, EISDIR) ended the input
// as if it were the end of the file, so a damaged file read as a shorter,
// valid one and nothing was reported.
TEST(InputReader, ReadErrorIsReportedNotTakenForTheEndOfInput) {
  TempDir dir;
  for (const std::string& path : {dir.path(), std::string("/proc/self/mem")}) {
    SCOPED_TRACE(path);
    std::vector<InputRecord> records = ReadAll(path);
    ASSERT_EQ(records.size(), 1u);
    EXPECT_EQ(records[0].kind, InputRecord::Kind::kFailed);
    EXPECT_NE(records[0].reason.find("read failed at byte 0: "), std::string::npos) << records[0].reason;
  }
}

}  // namespace
}  // namespace whosaid
