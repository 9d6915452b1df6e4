#!/usr/bin/env bash
# Writes the seed corpora for the fuzz targets from the project's own
# fixtures: examples/, tests/golden/ and, when present, the shared seed
# article. HTML, WARC and JSONL seeds are built here from those texts, so
# nothing is downloaded and no binary fixture is committed.
# Usage: fuzz/make_seeds.sh WHOSAID_BINARY OUT_DIR
set -euo pipefail
whosaid=$1
out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
rm -rf "$out"
mkdir -p "$out"/{plain_text,html,warc,jsonl,attribution,server}

texts=("$root"/examples/*.txt "$root"/tests/golden/*.txt)
for f in "$root"/../shared/seed/*.txt; do [ -f "$f" ] && texts+=("$f"); done

# An HTML page around a plain-text article: head metadata, chrome, a byline,
# one <p> per paragraph (paragraphs are separated by blank lines).
html_page() {
  local text=$1 charset=${2:-utf-8}
  local title
  title=$(head -n 1 "$text" | sed 's/&/\&amp;/g; s/</\&lt;/g')
  printf '<!DOCTYPE html>\n<html lang="en"><head><meta charset="%s">\n' "$charset"
  printf '<title>%s | The Example Times</title>\n' "$title"
  printf '<meta property="og:site_name" content="The Example Times">\n'
  printf '<meta property="article:published_time" content="2025-03-01T09:30:00Z">\n'
  printf '<link rel="canonical" href="https://news.example/2025/03/01/story">\n'
  printf '<script>var x = "<p>not text</p>";</script><style>p{color:red}</style></head>\n'
  printf '<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>\n<article><h1>%s</h1>\n' "$title"
  printf '<p class="byline">By Jane Doe &amp; John Roe</p>\n'
  awk 'BEGIN{RS=""} {gsub(/&/,"\\&amp;"); gsub(/</,"\\&lt;"); print "<p>" $0 "</p>"}' "$text"
  printf '<blockquote>&ldquo;Entities &amp; quotes&rdquo; &#8212; &#x2014; &nbsp;</blockquote>\n'
  printf '<ul><li>One</li><li>Two</li></ul></article><footer>&copy; 2025</footer></body></html>\n'
}

# One WARC record. $1 type, $2 target URI, $3 block file; gzip when $4 = gz.
warc_record() {
  local type=$1 uri=$2 block=$3 gz=${4:-}
  local len
  len=$(wc -c < "$block")
  {
    printf 'WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n' "$type" "$uri"
    printf 'WARC-Date: 2025-03-01T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:%s>\r\n' "$(printf '%s' "$uri$type" | md5sum | cut -c1-32)"
    if [ "$type" = response ]; then
      printf 'Content-Type: application/http; msgtype=response\r\n'
    else
      printf 'Content-Type: text/html\r\n'
    fi
    printf 'Content-Length: %s\r\n\r\n' "$len"
    cat "$block"
    printf '\r\n\r\n'
  } | if [ "$gz" = gz ]; then gzip -c -n; else cat; fi
}

# An HTTP response block: $1 body file, $2 mode (plain, chunked, gzip).
http_block() {
  local body=$1 mode=$2 tmp
  tmp=$(mktemp)
  case $mode in
    gzip) gzip -c -n "$body" > "$tmp" ;;
    *) cat "$body" > "$tmp" ;;
  esac
  printf 'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n'
  [ "$mode" = gzip ] && printf 'Content-Encoding: gzip\r\n'
  if [ "$mode" = chunked ]; then
    printf 'Transfer-Encoding: chunked\r\n\r\n'
    local size
    size=$(wc -c < "$tmp")
    head -c $((size / 2)) "$tmp" > "$tmp.a"
    tail -c +$((size / 2 + 1)) "$tmp" > "$tmp.b"
    printf '%x\r\n' "$(wc -c < "$tmp.a")"; cat "$tmp.a"; printf '\r\n'
    printf '%x\r\n' "$(wc -c < "$tmp.b")"; cat "$tmp.b"; printf '\r\n0\r\n\r\n'
    rm -f "$tmp.a" "$tmp.b"
  else
    printf 'Content-Length: %s\r\n\r\n' "$(wc -c < "$tmp")"
    cat "$tmp"
  fi
  rm -f "$tmp"
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
i=0
for t in "${texts[@]}"; do
  i=$((i + 1))
  name=$(basename "$t" .txt)
  cp "$t" "$out/plain_text/$name.txt"
  cp "$t" "$out/attribution/$name.txt"
  html_page "$t" > "$out/html/$name.html"
  html_page "$t" iso-8859-1 | iconv -f utf-8 -t iso-8859-1//TRANSLIT > "$out/html/$name.latin1.html" 2>/dev/null || true
  # WARC: each page in the three HTTP encodings, plain and gzipped records,
  # with a request record and a resource record around them.
  printf 'GET /%s HTTP/1.1\r\nHost: news.example\r\n\r\n' "$name" > "$work/request"
  for mode in plain chunked gzip; do
    http_block "$out/html/$name.html" "$mode" > "$work/block.$mode"
  done
  for gz in "" gz; do
    {
      warc_record request "https://news.example/$name" "$work/request" "$gz"
      for mode in plain chunked gzip; do
        warc_record response "https://news.example/$name/$mode" "$work/block.$mode" "$gz"
      done
      warc_record resource "https://news.example/$name/resource" "$out/html/$name.html" "$gz"
    } > "$out/warc/$name${gz:+.gz}.warc"
  done
  # A WARC cut short in the middle of its last record.
  head -c $(( $(wc -c < "$out/warc/$name.warc") * 3 / 4 )) "$out/warc/$name.warc" > "$out/warc/$name.truncated.warc"
done

# JSONL: whosaid's own records (with people, quotes and spans) from extract,
# and the same texts as news-please records (maintext, date_publish).
"$whosaid" extract --raw --date 2025-03-01 --threads 1 "${texts[@]}" > "$out/jsonl/whosaid.jsonl" 2>/dev/null || true
while IFS= read -r line; do
  i=$((i + 1))
  printf '%s\n' "$line" > "$out/jsonl/whosaid_$i.jsonl"
  printf '%s\n' "$line" | sed 's/"text":/"maintext":/; s/"date":/"date_publish":/' > "$out/jsonl/news_please_$i.jsonl"
done < "$out/jsonl/whosaid.jsonl"
"$whosaid" extract --raw --pretty --threads 1 "${texts[0]}" > "$out/jsonl/pretty.json" 2>/dev/null || true
printf '{"maintext": "\\u201cWe will stay,\\u201d the mayor said.\\ud83d\\ude00", "title": "T", "authors": ["A", 1, null], "date_publish": "2025-02-30 10:00:00"}\n{"text": 5}\n[1, 2.5e308, -0.0, true, false, null]\n{"a": {"b": [{"c": "\\"x\\""}]}}\n' > "$out/jsonl/edge.jsonl"
# Server: requests for every route of the reader, with query strings made
# from the fixtures' headlines and quoted words, percent-encoded, and a few
# pipelined and malformed heads.
urlencode() { perl -pe 's/([^A-Za-z0-9_.~-])/sprintf("%%%02X", ord($1))/ge'; }
request() { printf '%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: seed\r\nAccept: */*\r\n\r\n' "${2:-GET}" "$1"; }
n=0
for target in / /search /api/health /api/quotes /api/quotes/1 /api/people/1 /api/articles/1 /people/1 /quotes/2 \
    /articles/1 /static/reader.css /api/quotes/abc /api/people/-3 /nothing '/people/%32' \
    '/api/quotes?limit=1&offset=1' '/api/quotes?from=2025-06-01&to=2025-06-05&type=direct' \
    '/api/quotes?speaker=Lee&outlet=Coast+Herald' '/search?q=%E2%80%9Charbour%E2%80%9D&type=indirect#top' \
    '/api/quotes?q=%FF' '/api/quotes?speakr=x'; do
  n=$((n + 1))
  request "$target" > "$out/server/route_$n.http"
done
request /api/health HEAD > "$out/server/head.http"
request /api/quotes POST > "$out/server/post.http"
printf 'GET /api/health HTTP/1.0\nConnection: keep-alive\n\n' > "$out/server/http10_lf.http"
{ request /api/health; request '/api/quotes?limit=2'; request /; } > "$out/server/pipelined.http"
printf 'GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n' > "$out/server/chunked.http"
printf 'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n\r\nhello' > "$out/server/body.http"
printf 'GET / HTTP/2.0\r\nHost: x\r\n\r\n' > "$out/server/http2.http"
for t in "${texts[@]}"; do
  name=$(basename "$t" .txt)
  q=$(head -n 1 "$t" | head -c 80 | urlencode)
  quoted=$(grep -o '"[^"]\{3,40\}"' "$t" | head -n 1 | urlencode || true)
  request "/api/quotes?q=$q&limit=5" > "$out/server/q_$name.http"
  request "/search?q=$quoted&speaker=$q" > "$out/server/search_$name.http"
done

echo "seeds: $(find "$out" -type f | wc -l) files in $out" >&2
