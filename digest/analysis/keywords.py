"""Hand-written word lists for topics: feed section names and keywords per taxonomy topic.

Written from general knowledge of how news sections and stories are worded, not fitted to any
data set. Keywords are matched on lower-cased words with plurals folded ("elections" matches
"election"); two-word keywords match adjacent words. Weights: 3 names the topic almost on its
own, 2 is a strong hint, 1 a weak one.
"""

from __future__ import annotations

__all__ = ["CATEGORY_SYNONYMS", "KEYWORDS", "SECTION_WORDS"]


def _section(topic: str, names: str) -> dict[str, str]:
    return {name.strip().lower(): topic for name in names.split(",") if name.strip()}


CATEGORY_SYNONYMS: dict[str, str] = {
    **_section(
        "World",
        "world, world news, international, global, foreign, foreign affairs, europe, africa, asia,"
        " americas, middle east, asia pacific, latin america, ausland, welt, international news,"
        " monde, international, étranger, internacional, mundo, exterior, world affairs,"
        " europa, afrique, asie, amérique latine, oriente medio",
    ),
    **_section(
        "Politics",
        "politics, political, politik, politique, política, politica, government, elections,"
        " election, election 2024, us politics, uk politics, congress, parliament, white house,"
        " inland, deutschland, national, nacional, élections, elecciones, wahlen, policy,"
        " bundestag, gobierno, gouvernement",
    ),
    **_section(
        "Business",
        "business, economy, economics, finance, markets, money, companies, industry, wirtschaft,"
        " finanzen, unternehmen, börse, geld, économie, eco, entreprises, marchés, bourse,"
        " economía, negocios, empresas, mercados, finanzas, dinero, business news, personal"
        " finance, investing, stocks, trade, jobs, work, careers, real estate, markets news",
    ),
    **_section(
        "Technology",
        "technology, tech, technik, tecnología, tecnologia, technologie, digital, digitales,"
        " internet, netzwelt, netzpolitik, computer, computers, computing, software, hardware,"
        " gadgets, mobile, security, it, ai, artificial intelligence, startups, apps, games,"
        " gaming, high-tech, numérique, informatique, tecno, innovation, open source, linux,"
        " programming, developer, developers, cybersecurity, sci/tech, science & technology",
    ),
    **_section(
        "Science",
        "science, sciences, wissenschaft, wissen, forschung, ciencia, ciencias, ciência, space,"
        " environment, climate, nature, umwelt, klima, espace, environnement, planète,"
        " medio ambiente, espacio, research, astronomy, physics, biology, earth",
    ),
    **_section(
        "Health",
        "health, gesundheit, santé, salud, saúde, medicine, medical, wellness, fitness,"
        " coronavirus, covid-19, covid, pandemic, healthcare, health care, medizin, médecine,"
        " medicina, well-being, mental health, nutrition",
    ),
    **_section(
        "Sports",
        "sport, sports, deportes, deporte, desporto, esporte, football, soccer, fußball,"
        " fussball, futbol, fútbol, tennis, golf, cricket, rugby, basketball, baseball, nfl,"
        " nba, mlb, nhl, f1, formula 1, formula one, motorsport, olympics, athletics, cycling,"
        " boxing, hockey, sportschau, tenis, baloncesto, ciclismo",
    ),
    **_section(
        "Entertainment",
        "entertainment, arts, art, culture, kultur, kunst, culture & arts, arts & culture,"
        " cultura, espectáculos, espectaculos, ocio, film, films, movies, movie, cinema, kino,"
        " cine, cinéma, music, musik, musique, música, tv, television, fernsehen, télévision,"
        " books, literature, literatur, livres, libros, theatre, theater, celebrity, celebrities,"
        " stars, people, showbiz, feuilleton, medien, media, gaming & culture, style",
    ),
}


def _weights(strong: str, medium: str, weak: str) -> dict[str, float]:
    table: dict[str, float] = {}
    for words, weight in ((weak, 1.0), (medium, 2.0), (strong, 3.0)):
        for word in words.split(","):
            if word.strip():
                table[word.strip().lower()] = weight
    return table


KEYWORDS: dict[str, dict[str, float]] = {
    "World": _weights(
        strong="united nations, un security council, nato, ceasefire, refugees, refugee camp,"
        " insurgents, insurgency, militants, rebels, airstrike, air strike, peacekeepers,"
        " taliban, hamas, hezbollah, al-qaeda, isis, gaza, west bank, kremlin, foreign minister,"
        " foreign ministry, embassy, ambassador, humanitarian, genocide, warlord, coup",
        medium="iraq, iraqi, iran, iranian, israel, israeli, palestinian, palestinians, syria,"
        " syrian, afghanistan, afghan, pakistan, pakistani, ukraine, ukrainian, russia, russian,"
        " moscow, china, chinese, beijing, north korea, pyongyang, south korea, japan,"
        " japanese, tokyo, india, indian, delhi, baghdad, tehran, jerusalem, kabul, darfur,"
        " sudan, somalia, nigeria, congo, kenya, ethiopia, yemen, lebanon, egypt, libya, haiti,"
        " venezuela, cuba, mexico, colombia, myanmar, indonesia, philippines, taiwan, turkey,"
        " troops, soldiers, military, army, war, bomb, bombing, suicide bomber, explosion,"
        " hostage, hostages, kidnapped, gunmen, killed, civilians, border, sanctions, nuclear"
        " programme, nuclear program, diplomat, diplomats, diplomatic, summit, treaty,"
        " occupation, invasion, massacre, violence, clashes, protesters, regime, dictator,"
        " earthquake, tsunami, famine, aid workers, red cross, eu leaders, european union",
        weak="foreign, international, country, countries, nation, nations, world, global,"
        " president, prime minister, leader, leaders, government, capital, region, regional,"
        " crisis, conflict, peace, talks, attack, attacks, forces, security, police, dead,"
        " death toll, wounded, fighting, africa, african, asia, asian, europe, european,"
        " middle east, latin america, france, french, germany, german, britain, eu",
    ),
    "Politics": _weights(
        strong="election, elections, electoral, parliament, parliamentary, mp, mps, lawmakers,"
        " legislator, legislators, senate, senator, senators, congress, congressional,"
        " congressman, congresswoman, house of commons, house of lords, downing street,"
        " white house, tory, tories, labour party, lib dem, lib dems, liberal democrats,"
        " democrats, democratic party, republicans, republican party, gop, bundestag,"
        " campaign trail, ballot, ballots, polling, voters, referendum, cabinet minister,"
        " shadow, frontbench, backbench, backbencher, impeachment, filibuster",
        medium="government, minister, ministers, prime minister, president, presidential,"
        " governor, mayor, party, parties, vote, votes, voting, voted, campaign, candidate,"
        " candidates, conservative, conservatives, labour, liberal, liberals, opposition,"
        " politician, politicians, political, politics, policy, policies, legislation, bill,"
        " law, laws, lawmaker, tax, taxes, budget, spending, home secretary, chancellor,"
        " cabinet, speaker, whitehall, westminster, capitol, supreme court, constitution,"
        " constitutional, reform, manifesto, poll, polls, council, councillor, immigration,"
        " asylum, welfare, pension, pensions",
        weak="public, state, federal, national, plan, plans, proposal, proposals, debate,"
        " critics, spokesman, spokeswoman, official, officials, administration, department,"
        " secretary, committee, inquiry, report, leader, leadership, rights, court",
    ),
    "Business": _weights(
        strong="shares, share price, stock market, stocks, shareholders, investors, profit,"
        " profits, pre-tax, revenue, revenues, earnings, quarterly, dividend, ipo, merger,"
        " mergers, acquisition, takeover, chief executive, ceo, cfo, wall street, nasdaq,"
        " dow jones, s&p, ftse, dax, nikkei, central bank, federal reserve, interest rate,"
        " interest rates, inflation, gdp, recession, economy, economic, economist, economists,"
        " bankruptcy, creditors, bond, bonds, currency, dollar, euro, yen, sterling, oil price,"
        " oil prices, crude, opec, retail sales, consumer spending, unemployment, jobless",
        medium="bid, company, companies, firm, firms, market, markets, bank, banks, banking,"
        " business, businesses, industry, industrial, sales, sale, prices, price, growth,"
        " billion, bn, trade, trading, trader, traders, deal, deals, debt, loan, loans, finance,"
        " financial, fund, funds, investment, investor, analyst, analysts, forecast, exports,"
        " imports, manufacturing, manufacturer, retailer, retailers, airline, airlines, oil,"
        " gas, energy, jobs, workers, wages, union, unions, strike, customers, consumer,"
        " consumers, brand, boss, executives, chairman, insurance, mortgage, housing market,"
        " house prices, tax, costs, cost, factory, output, supply, demand, pound, euros",
        weak="million, m, per cent, percent, rise, rose, fall, fell, year, quarter, months,"
        " cut, cuts, rate, rates, group, plc, inc, corp, ltd, chief, report, expected, figures",
    ),
    "Technology": _weights(
        strong="software, hardware, computer, computers, computing, internet, online,"
        " broadband, website, websites, web, browser, microsoft, apple, google, ibm, intel,"
        " amd, nvidia, samsung, sony, nokia, motorola, oracle, linux, iphone, ipod,"
        " android, smartphone, smartphones, mobile phone, mobile phones, laptop, laptops,"
        " pc, pcs, chip, chips, chipmaker, semiconductor, processor, processors, silicon valley,"
        " tech, technology, technologies, digital, cyber, hacker, hackers, hacking, malware,"
        " spam, phishing, spyware, e-mail, email, blog, blogs, blogger, wi-fi, wifi, wireless,"
        " bluetooth, app, apps, artificial intelligence, ai, robot, robots, algorithm,"
        " algorithms, gadget, gadgets, console, consoles, video game, video games, gamer, gamers,"
        " xbox, playstation, nintendo, open source, startup, programmer, programmers, developer,"
        " developers, download, downloads, file-sharing",
        medium="windows, virus, viruses, device, devices, users, user, data, network, networks,"
        " screen, mobile, telecom, telecoms, operator, operators, search engine, search, yahoo,"
        " amazon, ebay, facebook, twitter, meta, tesla, netflix, spotify, dvd, tv, television,"
        " camera, cameras, games, gaming, code, security, privacy, encryption, server, servers,"
        " cloud, storage, platform, platforms, launch, version, upgrade, electronic,"
        " electronics, content, music download, satellite",
        weak="system, systems, service, services, technical, machine, machines, use, new,"
        " market, firm, company, consumer, consumers, player, players, video",
    ),
    "Science": _weights(
        strong="scientist, scientists, researcher, researchers, physicist, physicists,"
        " biologist, biologists, astronomer, astronomers, nasa, esa, spacecraft, space station,"
        " astronaut, astronauts, telescope, planet, planets, mars, moon, orbit, galaxy, galaxies,"
        " asteroid, comet, solar system, species, evolution, fossil, fossils, dinosaur,"
        " dinosaurs, genome, dna, gene, genes, genetic, physics, chemistry, biology, molecule,"
        " molecules, particle, particles, quantum, climate change, global warming, greenhouse,"
        " emissions, carbon dioxide, ecosystem, biodiversity, extinct, extinction, laboratory,"
        " lab, experiment, experiments",
        medium="science, scientific, research, study, studies, space, launch, rocket, satellite,"
        " earth, ocean, oceans, sea, ice, arctic, antarctic, glacier, climate, environment,"
        " environmental, pollution, wildlife, animal, animals, bird, birds, fish, insect,"
        " insects, plant, plants, forest, forests, ancient, archaeologist, archaeologists,"
        " university, universities, professor, discovery, discovered, energy, solar, nuclear,"
        " reactor, weather, storm, hurricane, volcano, theory, data, findings, sample, samples",
        weak="found, suggest, suggests, evidence, model, models, measure, measured, years,"
        " million years, natural, water, temperature, temperatures",
    ),
    "Health": _weights(
        strong="health, healthcare, hospital, hospitals, patient, patients, doctor, doctors,"
        " nurse, nurses, gp, gps, nhs, medical, medicine, medicines, disease, diseases, cancer,"
        " tumour, tumor, diabetes, obesity, heart disease, stroke, dementia, alzheimer's,"
        " alzheimer, hiv, aids, malaria, tuberculosis, flu, influenza, bird flu, outbreak,"
        " epidemic, pandemic, vaccine, vaccines, vaccination, vaccinated, covid, covid-19,"
        " coronavirus, infection, infections, infected, symptoms, surgery, surgeon, surgeons,"
        " clinic, clinics, clinical trial, treatment, treatments, therapy, mental health,"
        " depression, diet, nutrition, smoking, alcohol, drug addiction, fda, cdc",
        medium="drug, drugs, pharmaceutical, pharmaceuticals, pill, pills, dose, doses, virus,"
        " care, illness, ill, sick, pain, blood, heart, brain, pregnancy, pregnant, birth, baby,"
        " babies, death rate, deaths, died, risk, risks, exercise, healthy, fitness, body,"
        " weight, cases, hospitalised, hospitalized, immune, health service, public health,"
        " medic, medics, paramedic, ambulance",
        weak="study, research, researchers, people, years, age, life, condition, conditions",
    ),
    "Sports": _weights(
        strong="football, soccer, rugby, cricket, tennis, golf, basketball, baseball, hockey,"
        " athletics, olympic, olympics, world cup, premiership, premier league, champions league,"
        " fifa, uefa, nfl, nba, mlb, nhl, grand slam, wimbledon, formula one, grand prix,"
        " tournament, championship, championships, coach, manager, striker, midfielder,"
        " defender, goalkeeper, goals, scored, semi-final, quarter-final, league, season, squad,"
        " teammate, stadium, referee, medal, medals, gold medal, racing, sprinter, marathon,"
        " boxing, boxer, wrestler, cyclist, cycling, tour de france, innings, wicket, wickets,"
        " test match, six nations, quarterback, touchdown, pitcher, home run, playoff, playoffs,"
        " super bowl",
        medium="goal, score, match, matches, final, cup, team, teams, player, players, club,"
        " clubs, fans, injury, injured, race, title, game, games, win, wins, won, victory,"
        " defeat, beat, lost, draw, drew, play, played, playing, sport, sports, champion,"
        " champions, record, world record, ranked, seed, seeded, round, first half,"
        " second half, minute, minutes, points, captain, transfer, signing, contract,"
        " manchester united, real madrid",
        weak="fight, side, run, runs, start, ball, top, best, second, third, lead, event, events,"
        " half, year-old, career",
    ),
    "Entertainment": _weights(
        strong="film, films, movie, movies, cinema, box office, hollywood, bollywood, actor,"
        " actors, actress, actresses, oscar, oscars, academy award, golden globe,"
        " golden globes, bafta, baftas, emmy, emmys, grammy, grammys, brit award, brit awards,"
        " album, albums, singer, singers, songwriter, band, bands, rapper, concert, concerts,"
        " gig, music, musical, song, songs, festival, festivals, premiere, sequel, soundtrack,"
        " theatre, theater, broadway, west end, comedy, comedian, sitcom, tv show,"
        " television series, celebrity, celebrities, novel, novelist, fiction, poet, poetry,"
        " artist, artists, exhibition, gallery, museum, dancer, ballet, opera, orchestra",
        medium="director, chart, charts, pop, rock, tour, author, book, books, art, drama, soap,"
        " star, stars, starring, show, shows, episode, episodes, audience, audiences, viewers,"
        " channel, bbc one, itv, hbo, netflix, disney, studio, studios, record label, records,"
        " hit, hits, award, awards, nominated, nomination, nominations, ceremony, fans, stage,"
        " role, roles, cast, script, producer, producers, entertainment, culture, cultural,"
        " television, tv, radio, dj, reality tv, talent show, fashion, model",
        weak="single, series, best, new, year, release, released, top, prize, winner, winners,"
        " performance, story, stories, life, love, night, live, public",
    ),
}

SECTION_WORDS = frozenset(
    "world international ausland monde internacional politics political politik politique"
    " política politica elections business economy economics finance wirtschaft économie"
    " economía technology tech technik tecnología technologie science wissenschaft ciencia"
    " health gesundheit santé salud sport sports deportes football soccer entertainment culture"
    " kultur cultura arts music film movies cinema".split()
)
"""Words that name a section even inside a longer category ("US politics", "Sport - Tennis")."""
