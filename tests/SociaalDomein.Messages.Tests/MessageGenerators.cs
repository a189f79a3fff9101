using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using SociaalDomein.Messages.Codes;
using SociaalDomein.Messages.Model;

namespace SociaalDomein.Messages.Tests;

/// <summary>
/// FsCheck generators of valid messages of every type and both standards: every value within the formats and code lists
/// the reader accepts, so writing and reading back must give the same message.
/// </summary>
public static class MessageGenerators
{
    private const string Alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static Arbitrary<DeclaratieMessage> Declaraties() => Arb.From(Declaratie(Standard.IJw));

    public static Arbitrary<ToewijzingMessage> Toewijzingen() => Arb.From(Toewijzing(Standard.IJw));

    /// <summary>Declarations built the way the rules demand, in either standard.</summary>
    public static Arbitrary<ConsistentDeclaratie> ConsistentDeclaraties() => Arb.From(
        from standard in Standards
        from declaratie in Consistent(standard)
        select new ConsistentDeclaratie(declaratie));

    private static Gen<DeclaratieMessage> Consistent(Standard standard)
    {
        var codes = StandardCodeLists.For(standard);
        var line =
            from categorie in Code(codes.ProductCategorie)
            from code in AlphaNumeric(5, 5)
            from eenheid in Code(codes.Eenheid)
            from volume in Gen.Choose(0, 100_000)
            from tarief in Gen.Choose(0, 50_000)
            from firstDay in Gen.Choose(1, 28)
            from length in Gen.Choose(0, 27)
            from credit in Gen.Elements(false, false, false, true)
            from vorige in AlphaNumeric(1, 20)
            select (categorie, code, eenheid, volume, tarief, firstDay, length, credit, vorige);
        return from header in Header(standard, MessageType.Declaratie323, afzenderIsMunicipality: false)
               from year in Gen.Choose(2021, 2030)
               from month in Gen.Choose(1, 12)
               from counts in Gen.ArrayOf(Gen.Choose(1, 4), 3)
               from lines in Gen.ArrayOf(line, counts.Sum())
               from bsns in Gen.ArrayOf(Bsns, counts.Length)
               select Build(standard, header, new DateOnly(year, month, 1), counts, lines, bsns);

        static DeclaratieMessage Build(Standard standard, MessageHeader header, DateOnly begin,
            int[] counts, (string Categorie, string Code, string Eenheid, int Volume, int Tarief, int FirstDay, int Length, bool Credit, string Vorige)[] lines, Bsn[] bsns)
        {
            var end = begin.AddMonths(1).AddDays(-1);
            var clients = new List<DeclaratieClient>();
            var n = 0;
            for (var c = 0; c < counts.Length; c++)
            {
                var prestaties = new List<Prestatie>();
                for (var i = 0; i < counts[c]; i++, n++)
                {
                    var l = lines[n];
                    var first = begin.AddDays(Math.Min(l.FirstDay, end.Day) - 1);
                    var last = first.AddDays(l.Length) > end ? end : first.AddDays(l.Length);
                    var euros = l.Eenheid == "83";
                    prestaties.Add(new Prestatie($"R{n}", l.Credit ? l.Vorige : null, 1000 + n, l.Categorie, l.Code, first, last, l.Volume, l.Eenheid,
                        euros ? null : l.Tarief, euros ? l.Volume : (long)l.Volume * l.Tarief, l.Credit ? DebetCredit.Credit : DebetCredit.Debet));
                }
                clients.Add(new DeclaratieClient(bsns[c], prestaties));
            }
            return new DeclaratieMessage(standard, header, "D1", begin, end, end.AddDays(3),
                clients.SelectMany(x => x.Prestaties).Sum(p => p.SignedAmountCents), clients);
        }
    }

    /// <summary>Any message of any type, standard and release.</summary>
    public static Arbitrary<IstdMessage> Messages() => Arb.From(AnyMessage);

    /// <summary>A valid declaration and a fraction (0..1) of its bytes to keep.</summary>
    public static Arbitrary<Truncation> Truncations() =>
        Arb.From(from declaratie in Declaratie(Standard.IJw)
                 from permille in Gen.Choose(0, 999)
                 select new Truncation(declaratie, permille));

    /// <summary>A valid declaration with one byte overwritten.</summary>
    public static Arbitrary<Corruption> Corruptions() =>
        Arb.From(from declaratie in Declaratie(Standard.IJw)
                 from position in Gen.Choose(0, int.MaxValue)
                 from value in Gen.Choose(0, 255)
                 select new Corruption(declaratie, position, (byte)value));

    private static readonly Gen<Standard> Standards = Gen.Elements(Standard.IJw, Standard.IWmo);

    private static Gen<IstdMessage> AnyMessage =>
        from standard in Standards
        from message in Gen.OneOf(
            Toewijzing(standard).Select(m => (IstdMessage)m),
            ToewijzingRetour(standard).Select(m => (IstdMessage)m),
            StartZorg(standard).Select(m => (IstdMessage)m),
            StartZorgRetour(standard).Select(m => (IstdMessage)m),
            StopZorg(standard).Select(m => (IstdMessage)m),
            StopZorgRetour(standard).Select(m => (IstdMessage)m),
            VerzoekOmToewijzing(standard).Select(m => (IstdMessage)m),
            VerzoekOmToewijzingRetour(standard).Select(m => (IstdMessage)m),
            VerzoekOmWijziging(standard).Select(m => (IstdMessage)m),
            VerzoekOmWijzigingRetour(standard).Select(m => (IstdMessage)m),
            Antwoord(standard).Select(m => (IstdMessage)m),
            AntwoordRetour(standard).Select(m => (IstdMessage)m),
            Declaratie(standard).Select(m => (IstdMessage)m),
            DeclaratieAntwoord(standard).Select(m => (IstdMessage)m),
            DeclaratieFactuur(standard).Select(m => (IstdMessage)m),
            DeclaratieFactuurRetour(standard).Select(m => (IstdMessage)m))
        select message;

    // ---------------------------------------------------------------- values

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

    private static Gen<DateOnly?> MaybeDate =>
        Gen.Frequency((1, Gen.Constant<DateOnly?>(null)), (2, Date.Select(d => (DateOnly?)d)));

    private static Gen<string> Code(CodeList list) => Gen.Elements(list.Codes.ToArray());

    private static Gen<IReadOnlyList<T>> ListOf<T>(Gen<T> gen, int min, int max) =>
        from count in Gen.Choose(min, max)
        from items in Gen.ArrayOf(gen, count)
        select (IReadOnlyList<T>)items;

    private static readonly Gen<DateOnly> Date =
        Gen.Choose(0, 365 * 40).Select(days => new DateOnly(2000, 1, 1).AddDays(days));

    private static readonly Gen<TimeOnly> Time =
        Gen.Choose(0, 86_399).Select(seconds => TimeOnly.FromTimeSpan(TimeSpan.FromSeconds(seconds)));

    /// <summary>Eurocent amounts up to about 10^13: beyond int range, as totals can be.</summary>
    private static readonly Gen<long> Cents =
        from high in Gen.Choose(0, 4_000)
        from low in Gen.Choose(0, int.MaxValue)
        select (long)high * int.MaxValue + low;

    private static readonly Gen<long> ToewijzingNummer = Gen.Choose(0, 999_999_999).Select(n => (long)n);

    private static readonly Gen<Bsn> Bsns =
        Gen.ArrayOf(Gen.Choose(0, 9), 8)
            .Select(d => string.Concat(d) + (Enumerable.Range(0, 8).Sum(i => (9 - i) * d[i]) % 11).ToString(CultureInfo.InvariantCulture))
            .Where(candidate => candidate.Length == 9 && Bsn.TryCreate(candidate, out _))
            .Select(candidate => Bsn.TryCreate(candidate, out var bsn) ? bsn : default);

    private static readonly Gen<string> RetourCode = Gen.Elements("0200", "0233", "8001", "9338", "9346", "S300");

    private static readonly Gen<IReadOnlyList<string>> RetourCodes = ListOf(RetourCode, 1, 3);

    private static Gen<MessageHeader> Header(Standard standard, MessageType type, bool afzenderIsMunicipality, DeclaratieFactuurSoort? soort = null) =>
        from release in type is MessageType.DeclaratieFactuur303 or MessageType.DeclaratieFactuurRetour304
            ? Gen.Elements((2, 0), (2, 1), (2, 2), (2, 3), (2, 4))
            : Gen.Elements((3, 2), (3, 0))
        from agb in Digits(8)
        from gemeente in Digits(4)
        from identificatie in AlphaNumeric(1, 12)
        from dagtekening in Date
        from xsd in type is MessageType.DeclaratieFactuur303 or MessageType.DeclaratieFactuurRetour304
            ? Gen.Elements(("", ""), ("2.4.0", "2.4.1"))
            : Gen.Constant(("1.0.0", "1.0.2"))
        select new MessageHeader(
            BerichtCodes.Of(standard, type, soort), release.Item1, release.Item2,
            afzenderIsMunicipality ? gemeente : agb,
            afzenderIsMunicipality ? agb : gemeente,
            identificatie, dagtekening, xsd.Item1, xsd.Item2);

    private static Gen<RetourHeader> RetourHeader(bool legacy) =>
        from identificatie in AlphaNumeric(1, 12)
        from dagtekening in Date
        from xslt in Maybe(Gen.Constant("1.0.0"))
        from xsd in legacy ? Maybe(Gen.Constant(new XsdVersie("2.4.0", "2.4.0"))) : Gen.Constant<XsdVersie?>(new XsdVersie("1.0.0", "1.0.0"))
        from codes in ListOf(RetourCode, 0, 2)
        select new RetourHeader(identificatie, dagtekening, xslt, xsd, codes);

    /// <summary>Retourcodes for each of the given class paths.</summary>
    private static Gen<RetourCodeMap> Map(IEnumerable<string> paths) =>
        paths.Aggregate(
            Gen.Constant(ImmutableEntries.Empty),
            (gen, path) => from entries in gen from codes in RetourCodes select entries.Add(path, codes))
            .Select(entries => new RetourCodeMap(entries.Items));

    private sealed record ImmutableEntries(IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Items)
    {
        public static readonly ImmutableEntries Empty = new([]);
        public ImmutableEntries Add(string path, IReadOnlyList<string> codes) => new([.. Items, new(path, codes)]);
    }

    /// <summary>The parts of a retour message: copied header, retour header, an optional repeated body and its retourcodes.</summary>
    private static Gen<(MessageHeader Header, RetourHeader Retour, RetourCodeMap Map, T? Body)> RetourParts<T>(
        Standard standard, MessageType type, bool afzenderIsMunicipality, Gen<T> body, Func<T, IEnumerable<string>> classPaths) where T : class =>
        from header in Header(standard, type, afzenderIsMunicipality)
        from retour in RetourHeader(legacy: false)
        from repeated in Maybe(body)
        from map in Map(repeated is null ? [] : classPaths(repeated))
        select (header, retour, map, repeated);

    /// <summary>Class paths of a client with products: each product, then the client.</summary>
    private static IEnumerable<string> ClientPaths<T>(string list, string product, IReadOnlyList<T> products) =>
        [.. products.Select((_, i) => $"/Bericht/Client/{list}/{product}[{i + 1}]"), "/Bericht/Client"];

    private static Gen<Omvang> Omvang(StandardCodeLists codes) =>
        from volume in Gen.Choose(0, 1_000_000)
        from eenheid in Code(codes.Eenheid)
        from frequentie in Code(codes.Frequentie)
        select new Omvang(volume, eenheid, frequentie);

    /// <summary>Product category and code: a code only with a category.</summary>
    private static Gen<(string? Categorie, string? Code)> Product(StandardCodeLists codes) =>
        from categorie in Maybe(Code(codes.ProductCategorie))
        from code in Maybe(AlphaNumeric(5, 5))
        select (categorie, categorie is null ? null : code);

    /// <summary>Omvang or Budget or neither, never both.</summary>
    private static Gen<(Omvang? Omvang, long? Budget)> OmvangOrBudget(StandardCodeLists codes) =>
        from budgetBased in Gen.Elements(true, false)
        from omvang in Maybe(Omvang(codes))
        from budget in MaybeLong(Cents)
        select budgetBased ? ((Omvang?)null, budget) : (omvang, (long?)null);

    // ---------------------------------------------------------------- 301/302

    private static Gen<ToegewezenProduct> ToegewezenProduct(StandardCodeLists codes) =>
        from nummer in ToewijzingNummer
        from referentie in Maybe(AlphaNumeric(1, 20))
        from product in Product(codes)
        from toewijzingsdatum in Date
        from toewijzingstijd in Time
        from ingangsdatum in Date
        from einddatum in MaybeDate
        from reden in Maybe(Code(codes.RedenWijziging))
        from extent in OmvangOrBudget(codes)
        select new ToegewezenProduct(nummer, referentie, product.Categorie, product.Code, toewijzingsdatum, toewijzingstijd,
            ingangsdatum, einddatum, reden, extent.Omvang, extent.Budget);

    private static Gen<ToewijzingClient> ToewijzingClient(Standard standard) =>
        from bsn in Bsns
        from geboortedatum in Date
        from producten in ListOf(ToegewezenProduct(StandardCodeLists.For(standard)), 1, 6)
        select new ToewijzingClient(bsn, geboortedatum, producten);

    public static Gen<ToewijzingMessage> Toewijzing(Standard standard) =>
        from header in Header(standard, MessageType.Toewijzing301, afzenderIsMunicipality: true)
        from client in ToewijzingClient(standard)
        select new ToewijzingMessage(standard, header, [client]);

    private static Gen<ToewijzingRetourMessage> ToewijzingRetour(Standard standard) =>
        RetourParts(standard, MessageType.ToewijzingRetour302, afzenderIsMunicipality: true, ToewijzingClient(standard), c => ClientPaths("ToegewezenProducten", "ToegewezenProduct", c.Producten))
            .Select(p => new ToewijzingRetourMessage(standard, p.Header, p.Retour, p.Map, p.Body));

    // ---------------------------------------------------------------- 305/306, 307/308

    private static Gen<StartZorgClient> StartZorgClient(Standard standard)
    {
        var codes = StandardCodeLists.For(standard);
        var product =
            from nummer in MaybeLong(ToewijzingNummer)
            from p in Product(codes)
            from ingangsdatum in MaybeDate
            from begindatum in Date
            from status in Code(codes.StatusAanlevering)
            select new StartProduct(nummer, p.Categorie, p.Code, ingangsdatum, begindatum, status);
        return from bsn in Bsns
               from geboortedatum in Date
               from producten in ListOf(product, 1, 4)
               select new StartZorgClient(bsn, geboortedatum, producten);
    }

    private static Gen<StartZorgMessage> StartZorg(Standard standard) =>
        from header in Header(standard, MessageType.StartZorg305, afzenderIsMunicipality: false)
        from client in StartZorgClient(standard)
        select new StartZorgMessage(standard, header, client);

    private static Gen<StartZorgRetourMessage> StartZorgRetour(Standard standard) =>
        RetourParts(standard, MessageType.StartZorgRetour306, afzenderIsMunicipality: false, StartZorgClient(standard), c => ClientPaths("StartProducten", "StartProduct", c.Producten))
            .Select(p => new StartZorgRetourMessage(standard, p.Header, p.Retour, p.Map, p.Body));

    private static Gen<StopZorgClient> StopZorgClient(Standard standard)
    {
        var codes = StandardCodeLists.For(standard);
        var product =
            from nummer in MaybeLong(ToewijzingNummer)
            from p in Product(codes)
            from ingangsdatum in MaybeDate
            from begindatum in Date
            from reden in Code(codes.RedenBeeindiging)
            from einddatum in Date
            from status in Code(codes.StatusAanlevering)
            select new StopProduct(nummer, p.Categorie, p.Code, ingangsdatum, begindatum, reden, einddatum, status);
        return from bsn in Bsns
               from geboortedatum in Date
               from producten in ListOf(product, 1, 4)
               select new StopZorgClient(bsn, geboortedatum, producten);
    }

    private static Gen<StopZorgMessage> StopZorg(Standard standard) =>
        from header in Header(standard, MessageType.StopZorg307, afzenderIsMunicipality: false)
        from client in StopZorgClient(standard)
        select new StopZorgMessage(standard, header, client);

    private static Gen<StopZorgRetourMessage> StopZorgRetour(Standard standard) =>
        RetourParts(standard, MessageType.StopZorgRetour308, afzenderIsMunicipality: false, StopZorgClient(standard), c => ClientPaths("StopProducten", "StopProduct", c.Producten))
            .Select(p => new StopZorgRetourMessage(standard, p.Header, p.Retour, p.Map, p.Body));

    // ---------------------------------------------------------------- 315/316, 317/318, 319/320

    private static Gen<VerzoekOmToewijzingClient> VerzoekOmToewijzingClient(Standard standard)
    {
        var codes = StandardCodeLists.For(standard);
        var verwijzer =
            from type in codes.VerwijzerType is { } list ? Code(list) : Digits(2)
            from zorgverlener in Maybe(Digits(8))
            select new Verwijzer(type, zorgverlener);
        var product =
            from referentie in AlphaNumeric(1, 20)
            from beschikking in MaybeLong(ToewijzingNummer)
            from p in Product(codes)
            from beschikkingIngangsdatum in MaybeDate
            from ingangsdatum in Date
            from einddatum in MaybeDate
            from extent in OmvangOrBudget(codes)
            from v in verwijzer
            from raamcontract in Maybe(Code(codes.JaNee))
            select new AangevraagdProduct(referentie, beschikking, p.Categorie, p.Code, beschikkingIngangsdatum, ingangsdatum, einddatum,
                extent.Omvang, extent.Budget, v, raamcontract);
        return from bsn in Bsns
               from geboortedatum in Date
               from gezagsdrager in standard == Standard.IJw ? Maybe(Code(codes.JaNee)) : Gen.Constant<string?>(null)
               from producten in ListOf(product, 1, 4)
               select new VerzoekOmToewijzingClient(bsn, geboortedatum, gezagsdrager, producten);
    }

    private static Gen<VerzoekOmToewijzingMessage> VerzoekOmToewijzing(Standard standard) =>
        from header in Header(standard, MessageType.VerzoekOmToewijzing315, afzenderIsMunicipality: false)
        from client in VerzoekOmToewijzingClient(standard)
        select new VerzoekOmToewijzingMessage(standard, header, client);

    private static Gen<VerzoekOmToewijzingRetourMessage> VerzoekOmToewijzingRetour(Standard standard) =>
        RetourParts(standard, MessageType.VerzoekOmToewijzingRetour316, afzenderIsMunicipality: false, VerzoekOmToewijzingClient(standard), c => ClientPaths("AangevraagdeProducten", "AangevraagdProduct", c.Producten))
            .Select(p => new VerzoekOmToewijzingRetourMessage(standard, p.Header, p.Retour, p.Map, p.Body));

    private static Gen<VerzoekOmWijziging> Verzoek(Standard standard)
    {
        var codes = StandardCodeLists.For(standard);
        var teWijzigen =
            from nummer in ToewijzingNummer
            from ingangsdatum in Date
            from einddatum in MaybeDate
            from extent in OmvangOrBudget(codes)
            select new TeWijzigenProduct(nummer, ingangsdatum, einddatum, extent.Omvang, extent.Budget);
        var nieuw =
            from p in Product(codes)
            from ingangsdatum in Date
            from einddatum in MaybeDate
            from extent in OmvangOrBudget(codes)
            select new NieuwProduct(p.Categorie, p.Code, ingangsdatum, einddatum, extent.Omvang, extent.Budget);
        return from bsn in Bsns
               from referentie in AlphaNumeric(1, 20)
               from reden in Code(codes.RedenVerzoek)
               from ongewijzigd in ListOf(ToewijzingNummer, 0, 3)
               from teWijzigenProducten in ListOf(teWijzigen, 0, 3)
               from nieuweProducten in ListOf(nieuw, 0, 3)
               select new VerzoekOmWijziging(bsn, referentie, reden, ongewijzigd, teWijzigenProducten, nieuweProducten);
    }

    private static Gen<VerzoekOmWijzigingMessage> VerzoekOmWijziging(Standard standard) =>
        from header in Header(standard, MessageType.VerzoekOmWijziging317, afzenderIsMunicipality: false)
        from verzoek in Verzoek(standard)
        select new VerzoekOmWijzigingMessage(standard, header, verzoek);

    private static Gen<VerzoekOmWijzigingRetourMessage> VerzoekOmWijzigingRetour(Standard standard) =>
        RetourParts(standard, MessageType.VerzoekOmWijzigingRetour318, afzenderIsMunicipality: false, Verzoek(standard), VerzoekPaths)
            .Select(p => new VerzoekOmWijzigingRetourMessage(standard, p.Header, p.Retour, p.Map, p.Body));

    private static IEnumerable<string> VerzoekPaths(VerzoekOmWijziging verzoek) =>
    [
        .. verzoek.OngewijzigdeProducten.Select((_, i) => $"/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[{i + 1}]"),
        .. verzoek.TeWijzigenProducten.Select((_, i) => $"/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct[{i + 1}]"),
        .. verzoek.NieuweProducten.Select((_, i) => $"/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct[{i + 1}]"),
        "/Bericht/Client/Verzoek",
        "/Bericht/Client",
    ];

    private static Gen<Antwoord> AntwoordBody(Standard standard)
    {
        var codes = StandardCodeLists.For(standard);
        return from referentie in AlphaNumeric(1, 20)
               from antwoord in Code(codes.VerzoekAntwoord)
               from reden in Maybe(Code(codes.RedenAfwijzingVerzoek))
               from gemeente in standard == Standard.IJw ? Maybe(Digits(4)) : Gen.Constant<string?>(null)
               select new Antwoord(referentie, antwoord, reden, gemeente);
    }

    private static Gen<AntwoordMessage> Antwoord(Standard standard) =>
        from header in Header(standard, MessageType.Antwoord319, afzenderIsMunicipality: true)
        from antwoord in AntwoordBody(standard)
        select new AntwoordMessage(standard, header, antwoord);

    private static Gen<AntwoordRetourMessage> AntwoordRetour(Standard standard) =>
        RetourParts(standard, MessageType.AntwoordRetour320, afzenderIsMunicipality: true, AntwoordBody(standard), a => a.WoonplaatsbeginselGemeente is null ? ["/Bericht/Antwoord"] : ["/Bericht/Antwoord/Woonplaatsbeginsel", "/Bericht/Antwoord"])
            .Select(p => new AntwoordRetourMessage(standard, p.Header, p.Retour, p.Map, p.Body));

    // ---------------------------------------------------------------- 323/325, 303/304

    private static Gen<Prestatie> Prestatie(Func<Gen<string>> categorie, Func<Gen<string>> eenheid) =>
        from referentie in AlphaNumeric(1, 20)
        from vorige in Maybe(AlphaNumeric(1, 20))
        from toewijzing in ToewijzingNummer
        from cat in categorie()
        from code in AlphaNumeric(5, 5)
        from begin in Date
        from days in Gen.Choose(0, 30)
        from volume in Cents
        from unit in eenheid()
        from tarief in MaybeLong(Cents)
        from bedrag in Cents
        from credit in Gen.Elements(DebetCredit.Debet, DebetCredit.Credit)
        select new Prestatie(referentie, vorige, toewijzing, cat, code, begin, begin.AddDays(days), volume, unit, tarief, bedrag, credit);

    private static Gen<DeclaratieClient> DeclaratieClient(Gen<Prestatie> prestatie) =>
        from bsn in Bsns
        from prestaties in ListOf(prestatie, 1, 4)
        select new DeclaratieClient(bsn, prestaties);

    public static Gen<DeclaratieMessage> Declaratie(Standard standard)
    {
        var codes = StandardCodeLists.For(standard);
        var prestatie = Prestatie(() => Code(codes.ProductCategorie), () => Code(codes.Eenheid));
        return from header in Header(standard, MessageType.Declaratie323, afzenderIsMunicipality: false)
               from nummer in AlphaNumeric(1, 12)
               from begin in Date
               from dagtekening in Date
               from clients in ListOf(DeclaratieClient(prestatie), 1, 5)
               select new DeclaratieMessage(
                   standard, header, nummer, begin, begin.AddMonths(1).AddDays(-1), dagtekening,
                   clients.SelectMany(c => c.Prestaties).Sum(p => p.SignedAmountCents), clients);
    }

    private static Gen<DeclaratieAntwoordMessage> DeclaratieAntwoord(Standard standard)
    {
        var codes = StandardCodeLists.For(standard);
        var prestatie = from p in Prestatie(() => Code(codes.ProductCategorie), () => Code(codes.Eenheid))
                        from retourCodes in RetourCodes
                        select new DeclaratieAntwoordPrestatie(p, retourCodes);
        var client = from bsn in Bsns
                     from prestaties in ListOf(prestatie, 1, 3)
                     from retourCodes in RetourCodes
                     select new DeclaratieAntwoordClient(bsn, prestaties, retourCodes);
        var antwoord = from nummer in AlphaNumeric(1, 12)
                       from ingediend in Cents
                       from toegekend in Cents
                       from clients in ListOf(client, 0, 3)
                       from retourCodes in RetourCodes
                       select new DeclaratieAntwoord(nummer, ingediend, toegekend, clients, retourCodes);
        return from header in Header(standard, MessageType.DeclaratieAntwoord325, afzenderIsMunicipality: true)
               from identificatie in AlphaNumeric(1, 12)
               from dagtekening in Date
               from xslt in Maybe(Gen.Constant("1.0.0"))
               from retourCodes in RetourCodes
               from body in Maybe(antwoord)
               select new DeclaratieAntwoordMessage(standard, header, new MessageIdentity(identificatie, dagtekening), xslt,
                   new XsdVersie("1.0.0", "1.0.0"), retourCodes, body);
    }

    private static Gen<DeclaratieFactuur> DeclaratieFactuurBody(int minClients)
    {
        var prestatie = Prestatie(() => Digits(2), () => Digits(2));
        return from nummer in AlphaNumeric(1, 12)
               from begin in Date
               from days in Gen.Choose(0, 90)
               from dagtekening in Date
               from clients in ListOf(DeclaratieClient(prestatie), minClients, 4)
               select new DeclaratieFactuur(nummer, begin, begin.AddDays(days), dagtekening,
                   clients.SelectMany(c => c.Prestaties).Sum(p => p.SignedAmountCents), clients);
    }

    private static Gen<DeclaratieFactuurMessage> DeclaratieFactuur(Standard standard) =>
        from soort in Gen.Elements(DeclaratieFactuurSoort.Declaratie, DeclaratieFactuurSoort.Factuur)
        from header in Header(standard, MessageType.DeclaratieFactuur303, afzenderIsMunicipality: false, soort)
        from body in DeclaratieFactuurBody(minClients: 1)
        select new DeclaratieFactuurMessage(standard, header, body);

    private static Gen<DeclaratieFactuurRetourMessage> DeclaratieFactuurRetour(Standard standard) =>
        from soort in Gen.Elements(DeclaratieFactuurSoort.Declaratie, DeclaratieFactuurSoort.Factuur)
        from header in Header(standard, MessageType.DeclaratieFactuurRetour304, afzenderIsMunicipality: false, soort)
        from retour in RetourHeader(legacy: true)
        from body in DeclaratieFactuurBody(minClients: 0)
        from toegekendTotaal in MaybeLong(Cents)
        from awarded in Gen.ArrayOf(Gen.Elements(true, false), body.Lines.Count())
        from map in Map(body.Clients.SelectMany((c, ci) =>
            c.Prestaties.Select((_, pi) => $"/Bericht/Clienten/Client[{ci + 1}]/Prestaties/Prestatie[{pi + 1}]")
                .Append($"/Bericht/Clienten/Client[{ci + 1}]")))
        select new DeclaratieFactuurRetourMessage(standard, header, retour, map, body, toegekendTotaal,
            body.Lines.Select(l => l.Prestatie).Where((_, i) => awarded[i])
                .GroupBy(p => p.ReferentieNummer).ToDictionary(g => g.Key, g => g.Last().SignedAmountCents));
}

/// <summary>A declaration that keeps every rule within a message: amounts, total, periods, credits, unique references.</summary>
public sealed record ConsistentDeclaratie(DeclaratieMessage Declaratie);

public sealed record Truncation(DeclaratieMessage Declaratie, int Permille);

public sealed record Corruption(DeclaratieMessage Declaratie, int Position, byte Value);
