#include "mail/dot_reader.h"

namespace postwr::mail {

DotReader::DotReader(std::uint64_t maxMessageSize) : m_maxSize(maxMessageSize) {}

void DotReader::flag(Problem problem)
{
    if (m_problem == Problem::None)
        m_problem = problem;
    // Nothing of a refused message is kept, so a huge bad message costs no memory.
    m_message.clear();
    m_message.shrink_to_fit();
}

void DotReader::append(char c)
{
    ++m_size;
    if (++m_lineLength > maxLineLength)
        flag(Problem::LineTooLong);
    else if (m_size > m_maxSize)
        flag(Problem::MessageTooBig);
    if (m_problem == Problem::None)
        m_message.push_back(c);
}

void DotReader::endLine()
{
    m_size += 2;
    m_lineLength = 0;
    if (m_size > m_maxSize)
        flag(Problem::MessageTooBig);
    if (m_problem == Problem::None)
        m_message.append("\r\n");
}

std::size_t DotReader::feed(std::string_view input)
{
    std::size_t i = 0;
    while (i < input.size() && m_state != State::Finished) {
        const char c = input[i++];
        switch (m_state) {
        case State::LineStart:
            if (c == '.') {
                m_state = State::Dot;
                break;
            }
            m_state = State::Text;
            [[fallthrough]];
        case State::Text:
            if (c == '\r') {
                m_state = State::Cr;
            } else {
                if (c == '\n')
                    flag(Problem::BareLineFeed);
                append(c);
            }
            break;
        case State::Dot:
            if (c == '\r') {
                m_state = State::DotCr;
                break;
            }
            // A stuffed dot: drop it and read the rest of the line as text.
            m_state = State::Text;
            --i;
            break;
        case State::DotCr:
            if (c == '\n') {
                m_state = State::Finished;
                break;
            }
            // ".\r" followed by anything but LF: a bare CR in a one-dot line.
            [[fallthrough]];
        case State::Cr:
            if (c == '\n') {
                endLine();
                m_state = State::LineStart;
                break;
            }
            // A CR not followed by LF: flagged, kept as text, and the byte
            // after it read again as text.
            flag(Problem::BareCarriageReturn);
            append('\r');
            m_state = State::Text;
            --i;
            break;
        case State::Finished:
            break;
        }
    }
    return i;
}

} // namespace postwr::mail
