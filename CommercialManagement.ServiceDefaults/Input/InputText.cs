namespace CommercialManagement.ServiceDefaults.Input;

/// <summary>
/// The characters no text we store or search may hold: NUL and the other C0 control characters but tab, line feed and
/// carriage return (PostgreSQL refuses NUL; the others are never typed), DEL, UTF-16 surrogates that do not pair
/// (no UTF-8 can carry them), and Unicode's 66 noncharacters (U+FDD0–U+FDEF and each plane's last two, U+FFFE, U+FFFF…),
/// which are for a program's own use, never for interchange, and which normalisation refuses. Everything else of Unicode is welcome, bidi and zero-width marks included: they are
/// stored as sent and encoded wherever shown.
/// </summary>
public static class InputText
{
    /// <summary>What the caller is told, in the field's words.</summary>
    public const string Refusal = "Ce texte contient un caractère invisible interdit (caractère nul, de contrôle ou mal formé) : retirez-le.";

    public static bool IsAcceptable(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c < ' ' && c is not ('\t' or '\n' or '\r') || c == '\u007F' || IsNoncharacter(c))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]) || IsNoncharacter(char.ConvertToUtf32(c, text[i + 1])))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsNoncharacter(int codePoint) => codePoint is >= 0xFDD0 and <= 0xFDEF || (codePoint & 0xFFFE) == 0xFFFE;
}
