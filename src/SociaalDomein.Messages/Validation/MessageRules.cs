using System.Globalization;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Reading;

namespace SociaalDomein.Messages.Validation;

/// <summary>
/// Validation level 2: the rules that hold within one structurally valid message, checked on the model. A violation is a
/// <see cref="LineFinding"/> about one line (or the message's total or period), never a refusal: see
/// <see cref="MessageReader"/> for where structure ends and rules begin.
/// </summary>
/// <remarks>
/// Rules across messages (a prestatie without allocation, outside its period, a credit of an unknown debit, a duplicate
/// ReferentieNummer from an earlier message) need state and belong to the grains; their retourcodes are in
/// <see cref="StandardRetourCodes"/>. Retour messages repeat what they answer and are not checked again.
/// </remarks>
public static class MessageRules
{
    private const string EenheidEuros = "83";

    /// <summary>The findings of every rule within <paramref name="message"/>, in document order; empty when all hold.</summary>
    /// <param name="source">Where the message came from, repeated in each finding.</param>
    public static IReadOnlyList<LineFinding> Check(IstdMessage message, string source = "")
    {
        ArgumentNullException.ThrowIfNull(message);
        var findings = new List<LineFinding>();
        switch (message)
        {
            case DeclaratieMessage declaratie:
                CheckDeclaration(findings, source, "/Bericht/Declaratie", declaratie.PeriodeBegin, declaratie.PeriodeEinde,
                    declaratie.TotaalIngediendBedragCents, declaratie.Clients, periodIsMonth: true,
                    totalPath: "/Bericht/Declaratie/TotaalIngediendBedrag", periodPath: "/Bericht/Declaratie/DeclaratiePeriode");
                break;
            case DeclaratieFactuurMessage legacy:
                // 2.x: a period need not be a calendar month; the lines must still lie within it.
                CheckDeclaration(findings, source, "/Bericht", legacy.Declaratie.PeriodeBegin, legacy.Declaratie.PeriodeEinde,
                    legacy.Declaratie.TotaalBedragCents, legacy.Declaratie.Clients, periodIsMonth: false,
                    totalPath: "/Bericht/Header/DeclaratieFactuurBedragen/DeclaratieFactuurTotaalBedrag",
                    periodPath: "/Bericht/Header/DeclaratieFactuurPeriode");
                break;
            case ToewijzingMessage toewijzing:
                CheckAllocations(findings, source, toewijzing);
                break;
            case StopZorgMessage stop:
                CheckStops(findings, source, stop);
                break;
            case VerzoekOmToewijzingMessage verzoek:
                CheckRequest(findings, source, verzoek);
                break;
            case VerzoekOmWijzigingMessage wijziging:
                CheckChangeRequest(findings, source, wijziging);
                break;
            case DeclaratieAntwoordMessage antwoord:
                CheckAnswer(findings, source, antwoord);
                break;
        }
        return findings;
    }

    private static void CheckDeclaration(
        List<LineFinding> findings,
        string source,
        string root,
        DateOnly periodBegin,
        DateOnly periodEnd,
        long declaredTotal,
        IReadOnlyList<DeclaratieClient> clients,
        bool periodIsMonth,
        string totalPath,
        string periodPath)
    {
        if (periodIsMonth && (periodBegin.Day != 1 || periodEnd != LastDayOfMonth(periodBegin)))
        {
            findings.Add(new LineFinding(source, "", periodPath, RuleCodes.Period,
                $"The DeclaratiePeriode runs from {Day(periodBegin)} to {Day(periodEnd)}; it must be exactly one calendar month " +
                $"(e.g. {Day(new DateOnly(periodBegin.Year, periodBegin.Month, 1))} to {Day(LastDayOfMonth(periodBegin))})."));
        }

        Int128 sum = 0;
        var lines = 0;
        foreach (var client in clients) lines += client.Prestaties.Count;
        var seen = new HashSet<string>(lines, StringComparer.Ordinal);
        for (var c = 0; c < clients.Count; c++)
        {
            var prestaties = clients[c].Prestaties;
            for (var p = 0; p < prestaties.Count; p++)
            {
                var prestatie = prestaties[p];
                sum += prestatie.SignedAmountCents;
                CheckPrestatie(findings, source, new LinePath(root, c, p), prestatie, periodBegin, periodEnd, seen);
            }
        }

        if (sum != declaredTotal)
        {
            findings.Add(new LineFinding(source, "", totalPath, RuleCodes.Total,
                $"The total declared is {Euros(declaredTotal)}, but the prestaties add up to {Euros(sum)} (debit minus credit)."));
        }
    }

    private static void CheckPrestatie(
        List<LineFinding> findings, string source, LinePath path, Prestatie prestatie, DateOnly periodBegin, DateOnly periodEnd, HashSet<string> seen)
    {
        var line = prestatie.ReferentieNummer;
        if (!seen.Add(line))
        {
            findings.Add(new LineFinding(source, line, path + "/ProductReferentie/ReferentieNummer", StandardRetourCodes.ReferenceAlreadyDelivered,
                "This ReferentieNummer is used by an earlier prestatie in the same message; every prestatie needs its own."));
        }

        if (prestatie.DebetCredit == DebetCredit.Credit && prestatie.VorigReferentieNummer is null)
        {
            findings.Add(new LineFinding(source, line, path + "/ProductReferentie", RuleCodes.CreditWithoutReference,
                "This is a credit prestatie without VorigReferentieNummer, so it does not say which debit prestatie it cancels."));
        }

        if (prestatie.Eenheid == EenheidEuros)
        {
            if (prestatie.ProductTariefCents is not null)
            {
                findings.Add(new LineFinding(source, line, path + "/ProductTarief", RuleCodes.Tariff,
                    "Eenheid is 83 (euro's), so the amount is the volume itself and ProductTarief must be left out."));
            }
            if (prestatie.IngediendBedragCents != prestatie.GeleverdVolume)
            {
                findings.Add(new LineFinding(source, line, path + "/IngediendBedrag/Bedrag", RuleCodes.AmountInEuros,
                    $"Eenheid is 83 (euro's), so IngediendBedrag must equal GeleverdVolume ({Euros(prestatie.GeleverdVolume)}), " +
                    $"but it is {Euros(prestatie.IngediendBedragCents)}."));
            }
        }
        else if (prestatie.ProductTariefCents is not { } tarief)
        {
            findings.Add(new LineFinding(source, line, path + "/ProductTarief", RuleCodes.Tariff,
                $"Eenheid is {prestatie.Eenheid}, not 83 (euro's), so ProductTarief is required to check the amount."));
        }
        else
        {
            var expected = (Int128)prestatie.GeleverdVolume * tarief;
            if (expected != prestatie.IngediendBedragCents)
            {
                findings.Add(new LineFinding(source, line, path + "/IngediendBedrag/Bedrag", StandardRetourCodes.AmountNotVolumeTimesTariff,
                    $"IngediendBedrag is {Euros(prestatie.IngediendBedragCents)}, but GeleverdVolume {Number(prestatie.GeleverdVolume)} × " +
                    $"ProductTarief {Euros(tarief)} is {Euros(expected)}."));
            }
        }

        var begin = prestatie.ProductPeriodeBegin;
        var end = prestatie.ProductPeriodeEinde;
        if (end < begin || begin.Year != end.Year || begin.Month != end.Month)
        {
            findings.Add(new LineFinding(source, line, path + "/ProductPeriode", RuleCodes.ProductPeriod,
                $"The ProductPeriode runs from {Day(begin)} to {Day(end)}; it must lie within one calendar month and not end before it begins."));
        }
        else if (end > periodEnd)
        {
            // TR319: "only prestaties whose ProductPeriode lies within the current or a previous declaration period";
            // IV090: care of an earlier month (a late declaration, a correction) goes in the next declaration.
            findings.Add(new LineFinding(source, line, path + "/ProductPeriode", StandardRetourCodes.ProductPeriodOutsideDeclarationPeriod,
                $"The ProductPeriode {Day(begin)} to {Day(end)} ends after the declaration period {Day(periodBegin)} to {Day(periodEnd)}: " +
                "a declaration may only hold care of its own or an earlier period."));
        }
    }

    private static void CheckAllocations(List<LineFinding> findings, string source, ToewijzingMessage toewijzing)
    {
        foreach (var client in toewijzing.Clients)
        {
            for (var i = 0; i < client.Producten.Count; i++)
            {
                var product = client.Producten[i];
                var path = string.Create(CultureInfo.InvariantCulture, $"/Bericht/Client/ToegewezenProducten/ToegewezenProduct[{i + 1}]");
                var line = Number(product.ToewijzingNummer, grouped: false);
                CheckOmvangXorBudget(findings, source, line, path, product.Omvang, product.BudgetCents, "allocation");
                CheckEnd(findings, source, line, path + "/Einddatum", product.Ingangsdatum, product.Einddatum, "Ingangsdatum");
            }
        }
    }

    private static void CheckStops(List<LineFinding> findings, string source, StopZorgMessage stop)
    {
        for (var i = 0; i < stop.Client.Producten.Count; i++)
        {
            var product = stop.Client.Producten[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"/Bericht/Client/StopProducten/StopProduct[{i + 1}]/Einddatum");
            CheckEnd(findings, source, product.ToewijzingNummer is { } n ? Number(n, grouped: false) : "", path, product.Begindatum, product.Einddatum, "Begindatum");
        }
    }

    private static void CheckRequest(List<LineFinding> findings, string source, VerzoekOmToewijzingMessage verzoek)
    {
        for (var i = 0; i < verzoek.Client.Producten.Count; i++)
        {
            var product = verzoek.Client.Producten[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"/Bericht/Client/AangevraagdeProducten/AangevraagdProduct[{i + 1}]");
            CheckOmvangXorBudget(findings, source, product.ReferentieAanbieder, path, product.Omvang, product.BudgetCents, "requested product");
            CheckEnd(findings, source, product.ReferentieAanbieder, path + "/ToewijzingEinddatum", product.ToewijzingIngangsdatum, product.ToewijzingEinddatum, "ToewijzingIngangsdatum");
        }
    }

    private static void CheckChangeRequest(List<LineFinding> findings, string source, VerzoekOmWijzigingMessage wijziging)
    {
        const string root = "/Bericht/Client/Verzoek";
        var verzoek = wijziging.Verzoek;
        for (var i = 0; i < verzoek.TeWijzigenProducten.Count; i++)
        {
            var product = verzoek.TeWijzigenProducten[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"{root}/TeWijzigenProducten/TeWijzigenProduct[{i + 1}]");
            var line = Number(product.ToewijzingNummer, grouped: false);
            CheckOmvangXorBudget(findings, source, line, path, product.Omvang, product.BudgetCents, "product to change");
            CheckEnd(findings, source, line, path + "/Einddatum", product.GewensteIngangsdatum, product.Einddatum, "GewensteIngangsdatum");
        }
        for (var i = 0; i < verzoek.NieuweProducten.Count; i++)
        {
            var product = verzoek.NieuweProducten[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"{root}/NieuweProducten/NieuwProduct[{i + 1}]");
            CheckOmvangXorBudget(findings, source, verzoek.ReferentieAanbieder, path, product.Omvang, product.BudgetCents, "new product");
            CheckEnd(findings, source, verzoek.ReferentieAanbieder, path + "/Einddatum", product.GewensteIngangsdatum, product.Einddatum, "GewensteIngangsdatum");
        }
    }

    private static void CheckAnswer(List<LineFinding> findings, string source, DeclaratieAntwoordMessage antwoord)
    {
        if (antwoord.FullyApproved && antwoord.Antwoord!.Clienten.Count > 0)
        {
            findings.Add(new LineFinding(source, "", "/Bericht/DeclaratieAntwoord/Clienten", RuleCodes.Answer,
                $"The answer says the declaration is fully approved (8001) but lists {antwoord.RejectedLines.Count()} rejected prestatie(s)."));
        }
    }

    private static void CheckOmvangXorBudget(List<LineFinding> findings, string source, string line, string path, Omvang? omvang, long? budget, string what)
    {
        if (omvang is not null && budget is not null)
        {
            findings.Add(new LineFinding(source, line, path + "/Budget", RuleCodes.Exclusive,
                $"This {what} has both Omvang and Budget; the standard allows only one of the two."));
        }
    }

    private static void CheckEnd(List<LineFinding> findings, string source, string line, string path, DateOnly begin, DateOnly? end, string beginName)
    {
        if (end is { } einde && einde < begin)
        {
            findings.Add(new LineFinding(source, line, path, RuleCodes.Dates,
                $"The end date {Day(einde)} lies before the {beginName} {Day(begin)}."));
        }
    }

    /// <summary>The path of a prestatie, built only when a finding needs it: most lines have none.</summary>
    private readonly record struct LinePath(string Root, int Client, int Prestatie)
    {
        public static string operator +(LinePath path, string child) =>
            string.Create(CultureInfo.InvariantCulture, $"{path.Root}/Clienten/Client[{path.Client + 1}]/Prestaties/Prestatie[{path.Prestatie + 1}]{child}");
    }

    private static DateOnly LastDayOfMonth(DateOnly day) => new(day.Year, day.Month, DateTime.DaysInMonth(day.Year, day.Month));

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>"€ 1,432.00": grouped digits, so an amount is never mistaken for a BSN by redaction.</summary>
    private static string Euros(Int128 cents)
    {
        var sign = cents < 0 ? "-" : "";
        var abs = Int128.Abs(cents);
        var euros = (abs / 100).ToString("N0", CultureInfo.InvariantCulture);
        var rest = (int)(abs % 100);
        return $"{sign}€ {euros}.{rest.ToString("00", CultureInfo.InvariantCulture)}";
    }

    private static string Number(long value, bool grouped = true) =>
        value.ToString(grouped ? "N0" : "D", CultureInfo.InvariantCulture);
}
