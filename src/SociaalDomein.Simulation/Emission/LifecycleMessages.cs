using System.Globalization;
using SociaalDomein.Messages.Model;
using SociaalDomein.Messages.Validation;
using SociaalDomein.Simulation.Calendar;
using SociaalDomein.Simulation.Planning;
using SociaalDomein.Simulation.Products;
using SociaalDomein.Simulation.Scenarios;

namespace SociaalDomein.Simulation.Emission;

/// <summary>Hands out the next 301 Identificatie of a municipality, in publish order.</summary>
internal delegate string NextToewijzingIdentificatie(string municipalityCode);

/// <summary>A message of the lifecycle traffic, made when its publish day comes (so a large scenario holds only the plan).</summary>
internal readonly record struct LifecycleItem(DateOnly PublishDate, int Rank, Func<NextToewijzingIdentificatie, IstdMessage> Build);

/// <summary>
/// The traffic around an episode (one planned 301) and a declaration: 315 before the 301 and the 319 "in onderzoek" between,
/// an extra 315 refused or left unanswered, a 317 answered by a new 301 version or a 319, the 305 after the start, the 307
/// after the end, and the 325 after each 323. Every decision is a pure function of (seed, episode or contract-month), so the
/// 301 that answers a 315 can echo its ReferentieAanbieder without any shared state.
/// </summary>
internal sealed class LifecycleMessages(ScenarioPlan plan)
{
    // On one day: requests, then answers, then allocations (planned ones before answers to change requests), start, stop,
    // declarations, declaration answers, retours, and resent copies last (MessageEmitter owns 2, 6 and 9).
    public const int RankVerzoek = 0;
    public const int RankAntwoord = 1;
    public const int RankToewijzing = 2;
    public const int RankToewijzingOpVerzoek = 3;
    public const int RankStart = 4;
    public const int RankStop = 5;
    public const int RankDeclaratie = 6;
    public const int RankDeclaratieAntwoord = 7;
    public const int RankRetour = 8;
    public const int RankResend = 9;

    private const int BerichtVersie = 3;
    private const int BerichtSubversie = 2;
    private const string XsdVersie = "1.0.0";
    private const int AnswerWithinWorkingDays = 5;
    private const int StartStopWithinWorkingDays = 5;
    private const int DeclarationAnswerWithinWorkingDays = 10;
    private const int RetourWithinWorkingDays = 3;

    /// <summary>RedenBeeindiging (JZ588) of a stop other than "31 volgens plan": early, by client, provider, agreement, or a move to another provider.</summary>
    private static readonly string[] EarlyStopReasons = ["32", "33", "34", "38"];

    /// <summary>RedenAfwijzingVerzoek (WJ759) of a refused extra product: budget, contract, stapeling, care content.</summary>
    private static readonly string[] ExtraRequestRefusals = ["2", "4", "6", "7"];

    /// <summary>RedenAfwijzingVerzoek of a refused extension: budget, contract, care content.</summary>
    private static readonly string[] ChangeRefusals = ["2", "4", "7"];

    /// <summary>Verwijzer/Type (COD327): gemeente, huisarts, jeugdarts, gecertificeerde instelling.</summary>
    private static readonly string[] Verwijzers = ["01", "02", "02", "03", "04"];

    private readonly ScenarioOptions _options = plan.Options;
    private readonly LifecycleTraffic _traffic = plan.Options.Lifecycle;

    public bool Enabled => _traffic.Enabled;

    /// <summary>The ReferentieAanbieder the episode's 301 echoes for <paramref name="allocation"/>: set when a 315 asked for it (TR379).</summary>
    public string? ReferentieAanbieder(PlannedEpisode episode, PlannedAllocation allocation) =>
        Enabled && DecideRequest(episode) is not null ? RequestReference(allocation) : null;

    /// <summary>Every lifecycle message of one episode, in no particular order (the emitter's queue sorts them).</summary>
    public IEnumerable<LifecycleItem> Schedule(PlannedEpisode episode)
    {
        if (!Enabled) yield break;
        if (DecideRequest(episode) is { } request)
        {
            yield return new(request.Date, RankVerzoek, _ => Request315(episode, request.Date));
            if (request.InvestigatedOn is { } investigated)
            {
                foreach (var allocation in episode.Allocations)
                    yield return new(investigated, RankAntwoord, _ => Antwoord319(episode, Identificatie('N', allocation.Id), investigated, RequestReference(allocation), "2", null));
            }
        }

        var start = DecideStart(episode);
        if (start is { } startDate)
        {
            yield return new(startDate, RankStart, _ => Start305(episode, startDate));
            if (DecideStop(episode, startDate) is { } stop)
                yield return new(stop.Date, RankStop, _ => Stop307(episode, stop.Date, stop.Reden));
        }

        switch (DecideFollowUp(episode))
        {
            case ExtraRequest extra:
                yield return new(extra.Date, RankVerzoek, _ => ExtraRequest315(episode, extra));
                if (extra.AnsweredOn is { } refused)
                    yield return new(refused, RankAntwoord, _ => Antwoord319(episode, Identificatie('R', episode.Id), refused, Identificatie("VX", episode.Id), "1", extra.Refusal));
                break;
            case ChangeRequest change:
                yield return new(change.Date, RankVerzoek, _ => Request317(episode, change));
                if (change.AnsweredOn is not { } answered) break;
                if (change.Refusal is { } refusal)
                    yield return new(answered, RankAntwoord, _ => Antwoord319(episode, Identificatie('M', episode.Id), answered, Identificatie("VW", episode.Id), "1", refusal));
                else
                    yield return new(answered, RankToewijzingOpVerzoek, next => Extension301(episode, change, next));
                break;
        }
    }

    /// <summary>The 325 on a 323 as first sent, with its publish day; null when the traffic is off or the municipality never answers.</summary>
    public LifecycleItem? Answer(DeclaratieMessage declaratie, PlannedContract contract, int monthIndex)
    {
        if (!Enabled) return null;
        var dice = new StableDice(_options.Seed, DiceStream.DeclarationAnswer, contract.Index, monthIndex);
        var roll = dice.NextDouble();
        if (roll < _traffic.DeclarationAnswerNeverShare) return null;
        var late = roll < _traffic.DeclarationAnswerNeverShare + _traffic.DeclarationAnswerLateShare;
        var delay = late
            ? dice.Next(DeclarationAnswerWithinWorkingDays + 1, 2 * DeclarationAnswerWithinWorkingDays + 1)
            : dice.Next(1, DeclarationAnswerWithinWorkingDays + 1);
        var date = DutchWorkingDays.AddWorkingDays(declaratie.DeclaratieDagtekening, delay);
        var identificatie = string.Create(CultureInfo.InvariantCulture, $"A{declaratie.PeriodeBegin:yyMM}{contract.Index:D6}");
        return new LifecycleItem(date, RankDeclaratieAntwoord, _ => new DeclaratieAntwoordMessage(Standard.IJw,
            Header(MessageType.DeclaratieAntwoord325, contract.Municipality.CbsCode, contract.Provider.Agb, identificatie, date, fromMunicipality: true),
            new MessageIdentity(declaratie.Header.Identificatie, declaratie.Header.Dagtekening),
            XsltVersie: null,
            new XsdVersie(declaratie.Header.BasisschemaXsdVersie, declaratie.Header.BerichtXsdVersie),
            [StandardRetourCodes.GeenOpmerking],
            // Approved as a whole: declared means what the provider declared, and the generator keeps every line within its allocation.
            new DeclaratieAntwoord(declaratie.DeclaratieNummer, declaratie.TotaalIngediendBedragCents, declaratie.TotaalIngediendBedragCents,
                [], [StandardRetourCodes.DeclaratieVolledigToegewezen])));
    }

    /// <summary>
    /// The retour on a heen message just published (not on a 323, which the 325 answers, nor on a 325): the heen header and body
    /// repeated, its own identity, and retourcode 0200 on every class. Null when the traffic or the retours are off.
    /// </summary>
    public LifecycleItem? Retour(IstdMessage heen)
    {
        if (!Enabled || _traffic.RetourShare <= 0 || heen is DeclaratieMessage or DeclaratieAntwoordMessage or RetourMessage) return null;
        var dice = new StableDice(_options.Seed, DiceStream.Retour, StableHash(heen.Key.ToString()), 0);
        if (dice.NextDouble() >= _traffic.RetourShare) return null;
        var date = DutchWorkingDays.AddWorkingDays(heen.Header.Dagtekening, dice.Next(1, RetourWithinWorkingDays + 1));
        var retour = new RetourHeader(RetourIdentificatie(heen), date, XsltVersie: null, new XsdVersie(XsdVersie, XsdVersie), RetourCodes: []);
        var header = heen.Header with { BerichtCode = BerichtCodes.Of(Standard.IJw, heen.Type + 1) };
        return new LifecycleItem(date, RankRetour, _ => heen switch
        {
            ToewijzingMessage t => new ToewijzingRetourMessage(Standard.IJw, header, retour,
                Accepted("/Bericht/Client/ToegewezenProducten/ToegewezenProduct", t.Clients[0].Producten.Count), t.Clients[0]),
            StartZorgMessage s => new StartZorgRetourMessage(Standard.IJw, header, retour,
                Accepted("/Bericht/Client/StartProducten/StartProduct", s.Client.Producten.Count), s.Client),
            StopZorgMessage s => new StopZorgRetourMessage(Standard.IJw, header, retour,
                Accepted("/Bericht/Client/StopProducten/StopProduct", s.Client.Producten.Count), s.Client),
            VerzoekOmToewijzingMessage v => new VerzoekOmToewijzingRetourMessage(Standard.IJw, header, retour,
                Accepted("/Bericht/Client/AangevraagdeProducten/AangevraagdProduct", v.Client.Producten.Count), v.Client),
            VerzoekOmWijzigingMessage w => new VerzoekOmWijzigingRetourMessage(Standard.IJw, header, retour,
                Accepted("/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct", w.Verzoek.TeWijzigenProducten.Count,
                    "/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct", w.Verzoek.OngewijzigdeProducten.Count,
                    "/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct", w.Verzoek.NieuweProducten.Count,
                    extra: "/Bericht/Client/Verzoek"), w.Verzoek),
            AntwoordMessage a => new AntwoordRetourMessage(Standard.IJw, header, retour,
                new RetourCodeMap([new("/Bericht/Antwoord", [StandardRetourCodes.GeenOpmerking])]), a.Antwoord),
            _ => throw new InvalidOperationException($"No retour for {heen.Type}."),
        });
    }

    /// <summary>Retourcode 0200 on the client and on every numbered product class under the given element paths.</summary>
    private static RetourCodeMap Accepted(string products, int count, string? products2 = null, int count2 = 0, string? products3 = null, int count3 = 0, string? extra = null)
    {
        IReadOnlyList<string> accepted = [StandardRetourCodes.GeenOpmerking];
        var entries = new List<KeyValuePair<string, IReadOnlyList<string>>>();
        foreach (var (path, n) in new[] { (products, count), (products2, count2), (products3, count3) })
        {
            for (var i = 1; path is not null && i <= n; i++) entries.Add(new(string.Create(CultureInfo.InvariantCulture, $"{path}[{i}]"), accepted));
        }
        if (extra is not null) entries.Add(new(extra, accepted));
        entries.Add(new("/Bericht/Client", accepted));
        return new RetourCodeMap(entries);
    }

    /// <summary>
    /// The retour's own Identificatie, unique per its sender: "R" + the heen's Identificatie, which is unique already for
    /// provider-sent heen messages and for 319s; a 301's "T…" repeats across municipalities, so it gets the municipality's
    /// position in the region instead of the "T".
    /// </summary>
    private string RetourIdentificatie(IstdMessage heen)
    {
        var identificatie = heen.Header.Identificatie;
        if (heen is not ToewijzingMessage) return "R" + identificatie;
        var position = _options.Region.Municipalities.Select((m, i) => (m.CbsCode, i)).First(m => m.CbsCode == heen.MunicipalityCode).i;
        return string.Create(CultureInfo.InvariantCulture, $"R{position}{identificatie[1..]}");
    }

    /// <summary>FNV-1a over the text: string.GetHashCode differs per process, and the dice must not.</summary>
    private static int StableHash(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text) hash = (hash ^ c) * 16777619u;
        return (int)hash;
    }

    // ------------------------------------------------------------------ decisions

    /// <param name="InvestigatedOn">The day of the 319 "aanvraag in onderzoek", when there is one.</param>
    private sealed record RequestDecision(DateOnly Date, DateOnly? InvestigatedOn);

    private abstract record FollowUp;

    /// <param name="AnsweredOn">The day of the refusing 319; null when never answered.</param>
    private sealed record ExtraRequest(DateOnly Date, DateOnly Ingangsdatum, DateOnly? AnsweredOn, string Refusal) : FollowUp;

    /// <param name="AnsweredOn">The day of the answer (301 or 319); null when never answered.</param>
    /// <param name="Refusal">RedenAfwijzingVerzoek when refused; null when granted.</param>
    private sealed record ChangeRequest(DateOnly Date, DateOnly NewEinddatum, string RedenVerzoek, DateOnly? AnsweredOn, string? Refusal, TimeOnly Toewijzingstijd) : FollowUp;

    /// <summary>Whether a 315 asked for this episode's allocations, and when; the 301 on its Toewijzingsdatum answers it.</summary>
    private RequestDecision? DecideRequest(PlannedEpisode episode)
    {
        // Only allocations granted within the simulated months are requested in them; crisis care is allocated the day it starts.
        if (episode.Toewijzingsdatum < _options.PeriodStart || episode.Allocations[0].Product == JeugdProductCatalogue.Crisisopvang) return null;
        var dice = new StableDice(_options.Seed, DiceStream.Request, episode.Id, 0);
        if (dice.NextDouble() >= _traffic.RequestShare) return null;

        var roll = dice.NextDouble();
        if (roll < _traffic.LateAnswerShare)
        {
            var late = dice.Next(AnswerWithinWorkingDays + 1, 3 * AnswerWithinWorkingDays + 1);
            return new RequestDecision(DutchWorkingDays.SubtractWorkingDays(episode.Toewijzingsdatum, late), null);
        }
        if (roll < _traffic.LateAnswerShare + _traffic.InvestigationShare)
        {
            // Under investigation: the 319 comes in time, the 301 weeks later.
            var toAllocation = dice.Next(AnswerWithinWorkingDays + 1, 4 * AnswerWithinWorkingDays + 1);
            var requested = DutchWorkingDays.SubtractWorkingDays(episode.Toewijzingsdatum, toAllocation);
            return new RequestDecision(requested, DutchWorkingDays.AddWorkingDays(requested, dice.Next(1, AnswerWithinWorkingDays + 1)));
        }
        return new RequestDecision(DutchWorkingDays.SubtractWorkingDays(episode.Toewijzingsdatum, dice.Next(1, AnswerWithinWorkingDays + 1)), null);
    }

    /// <summary>The day the 305 is sent, or null when the provider never sends one.</summary>
    private DateOnly? DecideStart(PlannedEpisode episode)
    {
        var dice = new StableDice(_options.Seed, DiceStream.Start, episode.Id, 0);
        var roll = dice.NextDouble();
        if (roll < _traffic.StartNeverShare) return null;
        var begin = episode.Allocations[0].Ingangsdatum;
        var delay = roll < _traffic.StartNeverShare + _traffic.StartLateShare
            ? dice.Next(StartStopWithinWorkingDays + 1, 4 * StartStopWithinWorkingDays + 1)
            : dice.Next(0, StartStopWithinWorkingDays + 1);
        var date = delay == 0 ? DutchWorkingDays.OnOrAfter(begin) : DutchWorkingDays.AddWorkingDays(begin, delay);
        // Never before the allocation it reports on.
        return date < episode.Toewijzingsdatum ? episode.Toewijzingsdatum : date;
    }

    /// <summary>The 307 when the episode's care ends within the simulated months (after its 305).</summary>
    private (DateOnly Date, string Reden)? DecideStop(PlannedEpisode episode, DateOnly startSent)
    {
        if (episode.Allocations[0].Einddatum is not { } end || end > _options.PeriodEnd) return null;
        var dice = new StableDice(_options.Seed, DiceStream.Stop, episode.Id, 0);
        var delay = dice.NextDouble() < _traffic.StopLateShare
            ? dice.Next(StartStopWithinWorkingDays + 1, 3 * StartStopWithinWorkingDays + 1)
            : dice.Next(1, StartStopWithinWorkingDays + 1);
        var date = DutchWorkingDays.AddWorkingDays(end, delay);
        var reden = dice.NextDouble() < 0.75 ? "31" : EarlyStopReasons[dice.Next(0, EarlyStopReasons.Length)];
        return (date < startSent ? startSent : date, reden);
    }

    /// <summary>At most one request after the 301: a change request for long-running care, or an extra product the municipality refuses.</summary>
    private FollowUp? DecideFollowUp(PlannedEpisode episode)
    {
        var dice = new StableDice(_options.Seed, DiceStream.FollowUp, episode.Id, 0);
        var periodStart = _options.PeriodStart;
        var periodEnd = _options.PeriodEnd;
        var first = episode.Allocations[0];

        // A 317 only for allocations that end after the simulated months: the longer Einddatum changes no declared line and no stop.
        if (dice.NextDouble() < _traffic.ChangeRequestShare && first.Einddatum is { } einde && einde > periodEnd
            && TryPickDay(ref dice, Later(episode.Toewijzingsdatum.AddDays(7), periodStart), periodEnd.AddDays(-10), out var asked))
        {
            var newEnd = einde.AddMonths(dice.Next(3, 7));
            var reden = dice.NextDouble() < 0.7 ? "2" : "1";
            var toewijzingstijd = new TimeOnly(8, 0).Add(TimeSpan.FromSeconds(dice.Next(0, 9 * 3600)));
            if (dice.NextDouble() < _traffic.UnansweredShare) return new ChangeRequest(asked, newEnd, reden, null, null, toewijzingstijd);
            var answered = AnswerDay(ref dice, asked);
            var refusal = dice.NextDouble() < _traffic.ChangeRefusedShare ? ChangeRefusals[dice.Next(0, ChangeRefusals.Length)] : null;
            return new ChangeRequest(asked, newEnd, reden, answered, refusal, toewijzingstijd);
        }

        if (dice.NextDouble() < _traffic.ExtraRequestShare
            && TryPickDay(ref dice, Later(episode.Toewijzingsdatum.AddDays(1), periodStart), Earlier(first.Einddatum ?? periodEnd, periodEnd), out var extraDay))
        {
            var ingangsdatum = extraDay.AddDays(dice.Next(7, 29));
            var refusal = ExtraRequestRefusals[dice.Next(0, ExtraRequestRefusals.Length)];
            DateOnly? answered = dice.NextDouble() < _traffic.UnansweredShare ? null : AnswerDay(ref dice, extraDay);
            return new ExtraRequest(extraDay, ingangsdatum, answered, refusal);
        }
        return null;
    }

    private DateOnly AnswerDay(ref StableDice dice, DateOnly asked) =>
        DutchWorkingDays.AddWorkingDays(asked, dice.NextDouble() < _traffic.LateAnswerShare
            ? dice.Next(AnswerWithinWorkingDays + 1, 3 * AnswerWithinWorkingDays + 1)
            : dice.Next(1, AnswerWithinWorkingDays + 1));

    /// <summary>A working day in [from, to], or false when there is none.</summary>
    private static bool TryPickDay(ref StableDice dice, DateOnly from, DateOnly to, out DateOnly day)
    {
        day = default;
        if (to < from) return false;
        day = DutchWorkingDays.OnOrAfter(from.AddDays(dice.Next(0, to.DayNumber - from.DayNumber + 1)));
        return day <= to;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Earlier(DateOnly a, DateOnly b) => a < b ? a : b;

    // ------------------------------------------------------------------ messages

    private VerzoekOmToewijzingMessage Request315(PlannedEpisode episode, DateOnly date)
    {
        var dice = new StableDice(_options.Seed, DiceStream.Request, episode.Id, 1);
        var verwijzer = new Verwijzer(Verwijzers[dice.Next(0, Verwijzers.Length)], ZorgverlenerCode: null);
        var products = episode.Allocations.Select(a => new AangevraagdProduct(
            RequestReference(a), BeschikkingNummer: null, a.Product.Categorie, a.Product.Code, BeschikkingIngangsdatum: null,
            a.Ingangsdatum, a.Einddatum, a.Omvang, a.BudgetCents, verwijzer, Raamcontract: null)).ToList();
        return new VerzoekOmToewijzingMessage(Standard.IJw,
            Header(MessageType.VerzoekOmToewijzing315, episode, Identificatie('V', episode.Id), date, fromMunicipality: false),
            new VerzoekOmToewijzingClient(episode.Client.Bsn, episode.Client.Geboortedatum, GezagsdragerBekend: "1", products));
    }

    private VerzoekOmToewijzingMessage ExtraRequest315(PlannedEpisode episode, ExtraRequest extra)
    {
        var first = episode.Allocations[0];
        var product = new AangevraagdProduct(
            Identificatie("VX", episode.Id), BeschikkingNummer: null, first.Product.Categorie, first.Product.Code, BeschikkingIngangsdatum: null,
            extra.Ingangsdatum, extra.Ingangsdatum.AddMonths(3).AddDays(-1), first.Omvang, first.BudgetCents,
            new Verwijzer("02", ZorgverlenerCode: null), Raamcontract: null);
        return new VerzoekOmToewijzingMessage(Standard.IJw,
            Header(MessageType.VerzoekOmToewijzing315, episode, Identificatie('X', episode.Id), extra.Date, fromMunicipality: false),
            new VerzoekOmToewijzingClient(episode.Client.Bsn, episode.Client.Geboortedatum, GezagsdragerBekend: "1", [product]));
    }

    /// <summary>A 317 asking a later Einddatum for all of the episode's allocations, for their whole duration (TR357, TR349).</summary>
    private VerzoekOmWijzigingMessage Request317(PlannedEpisode episode, ChangeRequest change) =>
        new(Standard.IJw,
            Header(MessageType.VerzoekOmWijziging317, episode, Identificatie('W', episode.Id), change.Date, fromMunicipality: false),
            new VerzoekOmWijziging(episode.Client.Bsn, Identificatie("VW", episode.Id), change.RedenVerzoek,
                OngewijzigdeProducten: [],
                episode.Allocations.Select(a => new TeWijzigenProduct(a.ToewijzingNummer, a.Ingangsdatum, change.NewEinddatum, a.Omvang, a.BudgetCents)).ToList(),
                NieuweProducten: []));

    /// <summary>The new version of every allocation of the episode: later Toewijzingsdatum+tijd, the longer Einddatum, RedenWijziging 04.</summary>
    private ToewijzingMessage Extension301(PlannedEpisode episode, ChangeRequest change, NextToewijzingIdentificatie next)
    {
        var date = change.AnsweredOn!.Value;
        var referentie = Identificatie("VW", episode.Id);
        var products = episode.Allocations.Select(a => a.ToToegewezenProduct() with
        {
            ReferentieAanbieder = referentie,
            Toewijzingsdatum = date,
            Toewijzingstijd = change.Toewijzingstijd,
            Einddatum = change.NewEinddatum,
            RedenWijziging = "04",
        }).ToList();
        var municipality = episode.Contract.Municipality.CbsCode;
        return new ToewijzingMessage(Standard.IJw,
            Header(MessageType.Toewijzing301, episode, next(municipality), date, fromMunicipality: true),
            [new ToewijzingClient(episode.Client.Bsn, episode.Client.Geboortedatum, products)]);
    }

    private AntwoordMessage Antwoord319(PlannedEpisode episode, string identificatie, DateOnly date, string referentie, string verzoekAntwoord, string? reden) =>
        new(Standard.IJw,
            Header(MessageType.Antwoord319, episode, identificatie, date, fromMunicipality: true),
            new Antwoord(referentie, verzoekAntwoord, reden, WoonplaatsbeginselGemeente: null));

    private StartZorgMessage Start305(PlannedEpisode episode, DateOnly date) =>
        new(Standard.IJw,
            Header(MessageType.StartZorg305, episode, Identificatie('S', episode.Id), date, fromMunicipality: false),
            new StartZorgClient(episode.Client.Bsn, episode.Client.Geboortedatum, episode.Allocations.Select(a => new StartProduct(
                a.ToewijzingNummer, a.Product.Categorie, a.Product.Code, a.Ingangsdatum, a.Ingangsdatum, StatusAanlevering: "1")).ToList()));

    /// <summary>The stop repeats the start's keys (TR382): ToewijzingNummer, product and Begindatum.</summary>
    private StopZorgMessage Stop307(PlannedEpisode episode, DateOnly date, string reden) =>
        new(Standard.IJw,
            Header(MessageType.StopZorg307, episode, Identificatie('E', episode.Id), date, fromMunicipality: false),
            new StopZorgClient(episode.Client.Bsn, episode.Client.Geboortedatum, episode.Allocations.Select(a => new StopProduct(
                a.ToewijzingNummer, a.Product.Categorie, a.Product.Code, a.Ingangsdatum, a.Ingangsdatum, reden, a.Einddatum!.Value, StatusAanlevering: "1")).ToList()));

    private static MessageHeader Header(MessageType type, PlannedEpisode episode, string identificatie, DateOnly date, bool fromMunicipality) =>
        Header(type, episode.Contract.Municipality.CbsCode, episode.Contract.Provider.Agb, identificatie, date, fromMunicipality);

    private static MessageHeader Header(MessageType type, string municipality, string provider, string identificatie, DateOnly date, bool fromMunicipality) =>
        new(BerichtCodes.Of(Standard.IJw, type), BerichtVersie, BerichtSubversie,
            Afzender: fromMunicipality ? municipality : provider,
            Ontvanger: fromMunicipality ? provider : municipality,
            identificatie, date, XsdVersie, XsdVersie);

    /// <summary>ReferentieAanbieder of the 315 product that asked for this allocation: unique per provider (TR347) and per product (TR383).</summary>
    private static string RequestReference(PlannedAllocation allocation) => Identificatie("VT", allocation.Id);

    private static string Identificatie(char prefix, int id) => Identificatie(prefix.ToString(), id);

    private static string Identificatie(string prefix, int id) => string.Create(CultureInfo.InvariantCulture, $"{prefix}{id:D8}");
}
