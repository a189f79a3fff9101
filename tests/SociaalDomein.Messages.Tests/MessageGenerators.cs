using FsCheck;
using FsCheck.Fluent;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

/// <summary>FsCheck generators of valid JW323 and JW301 messages: every value within the formats the reader accepts.</summary>
public static class MessageGenerators
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static Arbitrary<DeclaratieMessage> Declaraties() => Arb.From(Declaratie);

    public static Arbitrary<ToewijzingMessage> Toewijzingen() => Arb.From(Toewijzing);

    /// <summary>A valid declaration and a fraction (0..1) of its bytes to keep.</summary>
    public static Arbitrary<Truncation> Truncations() =>
        Arb.From(from declaratie in Declaratie
                 from permille in Gen.Choose(0, 999)
                 select new Truncation(declaratie, permille));

    /// <summary>A valid declaration with one byte overwritten.</summary>
    public static Arbitrary<Corruption> Corruptions() =>
        Arb.From(from declaratie in Declaratie
                 from position in Gen.Choose(0, int.MaxValue)
                 from value in Gen.Choose(0, 255)
                 select new Corruption(declaratie, position, (byte)value));

    private static Gen<string> Digits(int count) =>
        Gen.ArrayOf(Gen.Choose(0, 9), count).Select(d => string.Concat(d));

    private static Gen<string> AlphaNumeric(int minLength, int maxLength) =>
        from length in Gen.Choose(minLength, maxLength)
        from chars in Gen.ArrayOf(Gen.Elements(Alphanumerics.ToCharArray()), length)
        select new string(chars);

    private static Gen<T?> Maybe<T>(Gen<T> gen) where T : class =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (2, gen.Select(v => (T?)v)));

    private static Gen<long?> MaybeLong(Gen<long> gen) =>
        Gen.Frequency((1, Gen.Constant<long?>(null)), (2, gen.Select(v => (long?)v)));

    private static readonly Gen<DateOnly> Date =
        Gen.Choose(0, 365 * 40).Select(days => new DateOnly(2000, 1, 1).AddDays(days));

    private static readonly Gen<TimeOnly> Time =
        Gen.Choose(0, 86_399).Select(seconds => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds)));

    /// <summary>Eurocent amounts up to about 10^13: beyond int range, as totals can be.</summary>
    private static readonly Gen<long> Cents =
        from high in Gen.Choose(0, 4_000)
        from low in Gen.Choose(0, int.MaxValue)
        select (long)high * int.MaxValue + low;

    private static readonly Gen<Bsn> Bsns =
        Gen.ArrayOf(Gen.Choose(0, 9), 8)
            .Select(d => string.Concat(d) + (Enumerable.Range(0, 8).Sum(i => (9 - i) * d[i]) % 11).ToString(System.Globalization.CultureInfo.InvariantCulture))
            .Where(candidate => candidate.Length == 9 && Bsn.TryCreate(candidate, out _))
            .Select(candidate => Bsn.TryCreate(candidate, out var bsn) ? bsn : default);

    private static readonly Gen<Release> Releases = Gen.Elements(new Release(3, 2), new Release(3, 0));

    private static Gen<MessageHeader> Header(int berichtCode, bool sentByMunicipality) =>
        from release in Releases
        from agb in Digits(8)
        from gemeente in Digits(4)
        from identificatie in AlphaNumeric(1, 12)
        from dagtekening in Date
        select new MessageHeader(
            berichtCode, release.Versie, release.Subversie,
            sentByMunicipality ? gemeente : agb,
            sentByMunicipality ? agb : gemeente,
            identificatie, dagtekening, "1.0.0", "1.0.2");

    private static readonly Gen<Prestatie> Prestatie =
        from referentie in AlphaNumeric(1, 20)
        from vorige in Maybe(AlphaNumeric(1, 20))
        from toewijzing in Gen.Choose(0, 999_999_999)
        from categorie in Digits(2)
        from code in AlphaNumeric(5, 5)
        from begin in Date
        from days in Gen.Choose(0, 30)
        from volume in Cents
        from eenheid in Digits(2)
        from tarief in MaybeLong(Cents)
        from bedrag in Cents
        from credit in Gen.Elements(DebetCredit.Debet, DebetCredit.Credit)
        select new Prestatie(referentie, vorige, toewijzing, categorie, code, begin, begin.AddDays(days), volume, eenheid, tarief, bedrag, credit);

    private static readonly Gen<DeclaratieClient> DeclaratieClient =
        from bsn in Bsns
        from count in Gen.Choose(1, 4)
        from prestaties in Gen.ArrayOf(Prestatie, count)
        select new DeclaratieClient(bsn, prestaties);

    private static readonly Gen<DeclaratieMessage> Declaratie =
        from header in Header(490, sentByMunicipality: false)
        from nummer in AlphaNumeric(1, 12)
        from begin in Date
        from dagtekening in Date
        from count in Gen.Choose(1, 5)
        from clients in Gen.ArrayOf(DeclaratieClient, count)
        select new DeclaratieMessage(
            Standard.IJw, header, nummer, begin, begin.AddMonths(1).AddDays(-1), dagtekening,
            clients.SelectMany(c => c.Prestaties).Sum(p => p.SignedAmountCents), clients);

    private static readonly Gen<Omvang> Omvang =
        from volume in Gen.Choose(0, 1_000_000)
        from eenheid in Digits(2)
        from frequentie in Digits(1)
        select new Omvang(volume, eenheid, frequentie);

    private static readonly Gen<ToegewezenProduct> ToegewezenProduct =
        from nummer in Gen.Choose(0, 999_999_999)
        from referentie in Maybe(AlphaNumeric(1, 20))
        from categorie in Maybe(Digits(2))
        from code in Maybe(AlphaNumeric(5, 5))
        from toewijzingsdatum in Date
        from toewijzingstijd in Time
        from ingangsdatum in Date
        from einddatum in Gen.Frequency((1, Gen.Constant<DateOnly?>(null)), (2, Date.Select(d => (DateOnly?)d)))
        from reden in Maybe(Digits(2))
        from budgetBased in Gen.Elements(true, false)
        from omvang in Maybe(Omvang)
        from budget in MaybeLong(Cents)
        select new ToegewezenProduct(
            nummer, referentie, categorie, categorie is null ? null : code, toewijzingsdatum, toewijzingstijd, ingangsdatum, einddatum,
            reden, budgetBased ? null : omvang, budgetBased ? budget : null);

    private static readonly Gen<ToewijzingMessage> Toewijzing =
        from header in Header(436, sentByMunicipality: true)
        from bsn in Bsns
        from geboortedatum in Date
        from count in Gen.Choose(1, 6)
        from producten in Gen.ArrayOf(ToegewezenProduct, count)
        select new ToewijzingMessage(Standard.IJw, header, [new ToewijzingClient(bsn, geboortedatum, producten)]);

    private readonly record struct Release(int Versie, int Subversie);
}

public sealed record Truncation(DeclaratieMessage Declaratie, int Permille);

public sealed record Corruption(DeclaratieMessage Declaratie, int Position, byte Value);
