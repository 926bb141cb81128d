using System.Text;
using MimeKit.Text;

namespace ComplaintFunctions.Inbound;

/// <summary>
/// Reads an HTML mail body as plain text: blocks become lines, scripts and styles vanish,
/// entities are decoded, and blockquotes become "&gt; " lines so quoted earlier mail can be
/// told from what the sender wrote.
/// </summary>
public static class HtmlText
{
    public static string ToPlainText(string? html)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return string.Empty;
        }

        var writer = new Writer();
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader) { DecodeCharacterReferences = true };
        var hidden = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlDataToken data when hidden == 0:
                    writer.Text(data.Data);
                    break;
                case HtmlTagToken { Id: HtmlTagId.Body, IsEndTag: false }:
                    // A head the sender never closed (no </head>) ends where the body starts.
                    hidden = 0;
                    break;
                case HtmlTagToken tag:
                    if (tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Head or HtmlTagId.Title)
                    {
                        if (!tag.IsEmptyElement)
                        {
                            hidden = Math.Max(0, hidden + (tag.IsEndTag ? -1 : 1));
                        }
                    }
                    else if (hidden == 0)
                    {
                        writer.Tag(tag);
                    }

                    break;
            }
        }

        return writer.ToString();
    }

    sealed class Writer
    {
        readonly StringBuilder text = new();
        int quoteDepth;
        bool preformatted;
        bool atLineStart = true;
        bool pendingSpace;

        public void Text(string data)
        {
            if (preformatted)
            {
                foreach (var line in data.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select((l, i) => (l, i)))
                {
                    if (line.i > 0)
                    {
                        NewLine();
                    }

                    Append(line.l);
                }

                return;
            }

            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c) && c != '\u00A0')
                {
                    pendingSpace = !atLineStart;
                }
                else
                {
                    if (pendingSpace)
                    {
                        text.Append(' ');
                        pendingSpace = false;
                    }

                    Append(c.ToString());
                }
            }
        }

        public void Tag(HtmlTagToken tag)
        {
            switch (tag.Id)
            {
                case HtmlTagId.Br:
                    LineBreak();
                    break;
                case HtmlTagId.BlockQuote:
                    BlankLine();
                    quoteDepth = Math.Max(0, quoteDepth + (tag.IsEndTag ? -1 : 1));
                    break;
                case HtmlTagId.Pre:
                    BlankLine();
                    preformatted = !tag.IsEndTag;
                    break;
                case HtmlTagId.LI when !tag.IsEndTag:
                    NewLine();
                    Append("- ");
                    break;
                case HtmlTagId.P or HtmlTagId.H1 or HtmlTagId.H2 or HtmlTagId.H3 or HtmlTagId.H4 or HtmlTagId.H5 or HtmlTagId.H6
                    or HtmlTagId.Table or HtmlTagId.UL or HtmlTagId.OL:
                    BlankLine();
                    break;
                case HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.HR or HtmlTagId.LI or HtmlTagId.DD or HtmlTagId.DT or HtmlTagId.Address
                    or HtmlTagId.Article or HtmlTagId.Section or HtmlTagId.Header or HtmlTagId.Footer or HtmlTagId.Center:
                    NewLine();
                    break;
                case HtmlTagId.TD or HtmlTagId.TH when tag.IsEndTag:
                    pendingSpace = !atLineStart;
                    break;
            }
        }

        public override string ToString()
        {
            var lines = text.ToString().Split('\n').Select(l => l.TrimEnd());
            var result = new StringBuilder();
            var blank = 0;
            foreach (var line in lines)
            {
                var empty = line.Length == 0 || line.Trim('>', ' ').Length == 0;
                blank = empty ? blank + 1 : 0;
                if (blank <= 1)
                {
                    result.Append(empty ? string.Empty : line).Append('\n');
                }
            }

            return result.ToString().Trim('\n', ' ');
        }

        void Append(string s)
        {
            if (s.Length == 0)
            {
                return;
            }

            if (atLineStart)
            {
                for (var i = 0; i < quoteDepth; i++)
                {
                    text.Append("> ");
                }

                atLineStart = false;
            }

            text.Append(s);
        }

        void NewLine()
        {
            pendingSpace = false;
            if (!atLineStart)
            {
                text.Append('\n');
                atLineStart = true;
            }
        }

        // A <br> on an empty line is an empty line of its own (Gmail writes <div><br></div> between paragraphs).
        void LineBreak()
        {
            pendingSpace = false;
            text.Append('\n');
            atLineStart = true;
        }

        void BlankLine()
        {
            NewLine();
            if (text.Length > 0 && !EndsWithBlankLine())
            {
                text.Append('\n');
            }
        }

        bool EndsWithBlankLine() => text.Length >= 2 && text[^1] == '\n' && text[^2] == '\n';
    }
}
