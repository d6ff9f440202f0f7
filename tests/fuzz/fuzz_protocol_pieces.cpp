// The small parsers around the SMTP conversation: base64 and the SASL
// PLAIN and LOGIN responses (mail/sasl.h), the DATA reader with its
// smuggling defence (mail/dot_reader.h), the reply parser of the client
// (mail/smtp_reply.h), and the backup stream that `postwrd backup restore`
// reads (mail/backup_files.h).
//
// Input: byte 0 chooses the code: 'B' base64, 'P' PLAIN, 'L' a LOGIN field,
// 'D' DATA, 'R' replies, 'F' the backup stream (any other byte: that byte
// modulo 6); byte 1 the chunk sizes (fuzz_input.h); the rest is the text.
//
// Invariants besides "no crash, no leak, no UB":
// - base64 decoding is strict, so what decodes re-encodes to the same text;
// - the DATA reader and the reply parser give the same result whatever the
//   chunking; a message the DATA reader accepts has CRLF lines only and
//   comes back unchanged when dot-stuffed and read again;
// - a reply has a 2yz-5yz code, at most 256 lines and no CR or NUL in them;
// - a backup stream that parses, written out again, parses the same.
#include "fuzz_input.h"

#include "mail/backup_files.h"
#include "mail/dot_reader.h"
#include "mail/sasl.h"
#include "mail/smtp_reply.h"

#include <algorithm>
#include <string>
#include <vector>

using namespace postwr::mail;
using postwr::fuzz::Chunker;
using postwr::fuzz::require;

namespace {

constexpr std::uint64_t maxMessageSize = 3000;

void base64(std::string_view text)
{
    if (std::optional<std::string> decoded = decodeBase64(text))
        require(encodeBase64(*decoded) == text, "decoding is strict");
    const std::optional<std::string> back = decodeBase64(encodeBase64(text));
    require(back && *back == text, "what is encoded decodes back");
}

void sasl(std::string_view text, bool plain)
{
    if (plain) {
        if (Result<PlainCredentials> credentials = decodePlain(text))
            require(!credentials->username.empty(), "PLAIN has a username");
        return;
    }
    if (Result<std::string> field = decodeLoginField(text)) {
        require(!field->empty() && field->size() <= 255, "a LOGIN field is 1-255 octets");
        require(field->find('\0') == std::string::npos, "a LOGIN field has no NUL");
    }
}

struct DataResult {
    std::size_t consumed = 0;
    bool finished = false;
    DotReader::Problem problem = DotReader::Problem::None;
    std::string message;
    bool operator==(const DataResult &) const = default;
};

DataResult readData(std::string_view text, std::uint8_t chunking)
{
    DotReader reader(maxMessageSize);
    DataResult result;
    Chunker chunks(text, chunking);
    while (!chunks.done() && !reader.finished()) {
        const std::string_view chunk = chunks.next();
        const std::size_t used = reader.feed(chunk);
        require(used <= chunk.size(), "the reader consumes what it was given at most");
        require(used == chunk.size() || reader.finished(), "the reader stops early only at the end");
        result.consumed += used;
    }
    result.finished = reader.finished();
    result.problem = reader.problem();
    result.message = reader.takeMessage();
    return result;
}

std::string dotStuff(std::string_view message)
{
    std::string out;
    bool lineStart = true;
    for (const char c : message) {
        if (lineStart && c == '.')
            out += '.';
        out += c;
        lineStart = c == '\n';
    }
    return out + ".\r\n";
}

void dataSection(std::string_view text, std::uint8_t chunking)
{
    const DataResult whole = readData(text, 0xff);
    const DataResult chunked = readData(text, chunking);
    require(whole.finished == chunked.finished && whole.consumed == chunked.consumed && whole.problem == chunked.problem,
        "the DATA reader does not depend on chunking");
    if (whole.problem != DotReader::Problem::None)
        return;
    require(whole.message == chunked.message, "the message does not depend on chunking");
    if (!whole.finished)
        return;
    const std::string &message = whole.message;
    for (std::size_t i = 0; i < message.size(); ++i) {
        if (message[i] == '\n')
            require(i > 0 && message[i - 1] == '\r', "no bare LF in an accepted message");
        if (message[i] == '\r')
            require(i + 1 < message.size() && message[i + 1] == '\n', "no bare CR in an accepted message");
    }
    const DataResult again = readData(dotStuff(message), 0xff);
    require(again.finished && again.problem == DotReader::Problem::None && again.message == message,
        "a message read, stuffed and read again is unchanged");
}

std::vector<std::string> readReplies(std::string_view text, std::uint8_t chunking)
{
    ReplyParser parser;
    std::vector<std::string> replies;
    Chunker chunks(text, chunking);
    while (!chunks.done()) {
        parser.receive(chunks.next());
        while (std::optional<Result<Reply>> reply = parser.next()) {
            if (!reply->ok()) {
                replies.push_back("error: " + reply->error().message);
                continue;
            }
            const Reply &r = reply->value();
            require(r.code >= 200 && r.code <= 559, "a reply code is 2yz to 5yz");
            require(!r.lines.empty() && r.lines.size() <= ReplyParser::maxLines, "a reply has 1 to 256 lines");
            for (const std::string &line : r.lines)
                require(line.find_first_of(std::string_view("\r\0", 2)) == std::string::npos, "no CR or NUL in a reply");
            replies.push_back(r.toString() + "|" + std::to_string(r.lines.size()));
        }
    }
    return replies;
}

void replies(std::string_view text, std::uint8_t chunking)
{
    require(readReplies(text, 0xff) == readReplies(text, chunking), "replies do not depend on chunking");
}

void backupFiles(std::string_view text)
{
    if (Result<std::vector<BackupFile>> files = parseBackupFiles(text, 50)) {
        Result<std::vector<BackupFile>> again = parseBackupFiles(serializeBackupFiles(*files), 50);
        require(again.ok(), "a written backup stream parses");
        require(again->size() == files->size(), "a written backup stream has the same files");
        for (std::size_t i = 0; i < files->size(); ++i)
            require((*again)[i].path == (*files)[i].path && (*again)[i].content == (*files)[i].content,
                "a written backup stream has the same files");
    }
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    postwr::fuzz::FuzzInput input(data, size);
    const char kinds[] = "BPLDRF";
    const std::uint8_t kind = input.byte();
    const std::uint8_t chunking = input.byte();
    const char *named = std::find(kinds, kinds + 6, static_cast<char>(kind));
    const std::size_t index = named != kinds + 6 ? static_cast<std::size_t>(named - kinds) : kind % 6u;
    const std::string_view text = input.rest();
    switch (index) {
    case 0: base64(text); break;
    case 1: sasl(text, true); break;
    case 2: sasl(text, false); break;
    case 3: dataSection(text, chunking); break;
    case 4: replies(text, chunking); break;
    default: backupFiles(text); break;
    }
    return 0;
}
