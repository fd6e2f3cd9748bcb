"""Hand-written word lists for topics: feed section names and keywords per taxonomy topic.

Written from general knowledge of how news sections and stories are worded, not fitted to any
data set (the evaluation sets only measure the result). How `digest.analysis.topics` reads them:

- Words are matched lower-cased and inflections fold together: "elections" and "election" are one
  term (weighing the higher of the two), and "bombed" counts as "bomb".
- A keyword of several words ("interest rate", "world cup", "al-qaeda") is one term; its words do
  not count again on their own ("United Nations" is no football club).
- A keyword written with a capital ("Bills", "Labour", "AIDS") matches only when capitalised in
  the text, so the NFL team is not a law and the party is not work.
- Weights by tier: `key` settles the topic nearly alone, `strong` names it, `medium` is a good
  hint, `weak` a slight one, `hint` slighter still. A word may be listed under several topics.
"""

from __future__ import annotations

from digest.analysis import keywords_intl

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
# Section names in other languages (`keywords_intl`); where a name is in both, the table above
# has it.
CATEGORY_SYNONYMS = {**keywords_intl.SECTIONS, **CATEGORY_SYNONYMS}


KEY_WEIGHT = 4.0
"""The weight of a `key` keyword; the other tiers weigh 3, 2, 1 and 0.5."""


def _weights(
    key: str = "", strong: str = "", medium: str = "", weak: str = "", hint: str = ""
) -> dict[str, float]:
    """Comma-separated keywords per tier -> keyword: weight (a keyword's strongest tier wins)."""
    table: dict[str, float] = {}
    for words, weight in (
        (hint, 0.5),
        (weak, 1.0),
        (medium, 2.0),
        (strong, 3.0),
        (key, KEY_WEIGHT),
    ):
        for word in words.split(","):
            if word.strip():
                table[word.strip()] = weight
    return table


KEYWORDS: dict[str, dict[str, float]] = {
    "World": _weights(
        key="baghdad, palestinian, israeli, united nations, nato, insurgents, militants, rebels,"
        " ceasefire, peacekeepers, gaza, afghanistan, taliban, darfur, sudan, north korea,"
        " hostages, kidnapped, refugees",
        strong="un security council, security council, un general assembly, secretary-general,"
        " cease-fire, truce, refugee, refugee camp, displaced, insurgent, insurgency, militant,"
        " militia, rebel, guerrilla, airstrike, air strike, peacekeeper, peacekeeping, hamas,"
        " hezbollah, hizbollah, al-qaeda, al-qaida, qaeda, isis, islamic state, jihadist, jihad,"
        " west bank, kremlin, foreign minister, foreign ministry, embassy, ambassador, envoy,"
        " genocide, ethnic cleansing, warlord, coup, junta, war crimes,"
        " international criminal court, iaea, nuclear watchdog, uranium, enrichment,"
        " occupied territories, intifada, settlers, hostage, kidnappers, kidnapping, abducted,"
        " abduction, beheaded, beheading, car bomb, suicide bomber, suicide bombing,"
        " suicide attack, roadside bomb, shelling, shelled, mortar, artillery, gunmen, gunfire,"
        " soldiers, peace talks, peace process, peace deal, peace plan, road map, two-state,"
        " diplomat, diplomatic, diplomacy, bilateral, unhcr, unicef, world health organization,"
        " red cross, red crescent, amnesty international, human rights watch, dissident,"
        " martial law, state of emergency, curfew, uprising, dictator, dictatorship, tsunami,"
        " earthquake, quake, famine, aid agency, aid workers, death toll, shiite, shia, sunni,"
        " sunnis, kurd, kurdish, cleric, clerics, ayatollah, mujahideen, kabul, tehran,"
        " pyongyang, islamabad, damascus, beirut, ramallah, mosul, basra, kirkuk, najaf, karbala,"
        " fallujah, falluja, tikrit, ramadi, samarra, kandahar, helmand, khartoum, mogadishu,"
        " chechnya, chechen, grozny, kashmir, kosovo, iraqis, afghan, sudanese, somalia, somali,"
        " syria, syrian, palestine, israelis, north korean, lebanon, lebanese, yemen, yemeni,"
        " haiti, haitian, myanmar, burma, burmese, tibet, tibetan, zimbabwe, congo, congolese,"
        " rwanda, rwandan, liberia, sierra leone, ivory coast, eritrea, ethiopia, ethiopian,"
        " uganda, ugandan, maoist, tamil tigers, foreign troops, coalition forces,"
        " multinational force, arab league, african union, interim government, militant group,"
        " rebel group, armed group, death squad, paramilitary, separatist, occupation forces,"
        " bomb squad, iraq, iraqi, troops, UN, U.N, un-backed, un-sponsored, un inspectors,"
        " un officials, un envoy, soviet union, united arab emirates, orange revolution,"
        " chemical weapons, rocket attack, rocket-propelled grenade",
        medium="war, wartime, military, army, armed forces, bomb, bombing, bomber, blast,"
        " explosion, explosives, killed, killing, civilian, casualties, wounded, clash, fighting,"
        " fighters, violence, violent, massacre, border, sanctions, embargo, summit, treaty,"
        " occupation, invasion, invaded, invade, protesters, demonstrators, riot, exile, exiled,"
        " nuclear weapons, nuclear programme, nuclear program, weapons, missile, warplane,"
        " gunship, helicopter gunship, convoy, checkpoint, raid, ambush, ambushed, captive,"
        " prisoners, detainees, guantanamo, torture, executed, sectarian, ethnic, tribal, tribe,"
        " tribesmen, islamist, islamic, muslim, arab, pope, vatican, pontiff, extremist,"
        " overseas, abroad, conflict, turmoil, unrest, humanitarian aid, cyclone, typhoon,"
        " monsoon, landslide, floods, flooding, drought, european union, european commission,"
        " brussels, asean, g8, g7, g20, iran, iranian, israel, pakistan, pakistani, pakistanis,"
        " russia, russian, moscow, ukraine, ukrainian, kiev, kyiv, belarus, serbia, serbian,"
        " serb, bosnia, bosnian, croatia, croatian, albania, albanian, turkish, ankara, egypt,"
        " egyptian, cairo, libya, libyan, tripoli, saudi, saudis, saudi arabia, riyadh,"
        " jordanian, amman, kuwait, kuwaiti, qatar, bahrain, oman, persian gulf, nigeria,"
        " nigerian, kenya, kenyan, nairobi, angola, mozambique, algeria, algerian, morocco,"
        " moroccan, tunisia, venezuela, venezuelan, caracas, colombia, colombian, bogota, cuba,"
        " cuban, havana, bolivia, bolivian, peru, peruvian, ecuador, nicaragua, guatemala,"
        " el salvador, honduras, indonesia, indonesian, jakarta, philippine, filipino, manila,"
        " thailand, thai, bangkok, cambodia, cambodian, vietnam, vietnamese, hanoi, laos,"
        " malaysia, malaysian, bangladesh, dhaka, new delhi, taiwan, taiwanese, taipei,"
        " south korea, south korean, seoul, beijing, chinese, uzbekistan, kazakhstan, kyrgyzstan,"
        " tajikistan, turkmenistan, azerbaijan, armenia, armenian, cyprus, cypriot, georgian,"
        " tbilisi, moldova, nepal, kathmandu, sri lankan, colombo, jerusalem, middle east,"
        " mideast, gulf states, west african, east african, sub-saharan, balkans, caucasus,"
        " central asia, south asia, southeast asia, latin american, korean peninsula, dprk,"
        " hindu, hindus, sikh, buddhist, monks, mosque, synagogue, holy site, pilgrims,"
        " smuggling, trafficking, drug cartel, drug lord, un resolution, state television,"
        " state media, news agency, Turkey, Chad, Niger, terror, terrorism, terrorist, crackdown,"
        " nobel peace prize",
        weak="europe, european, asia, asian, africa, african, latin america, country, nation,"
        " capital, region, regional, peace, talks, attack, forces, dead, death, injured, strike,"
        " france, french, paris, germany, german, berlin, italy, italian, rome, spain, spanish,"
        " madrid, netherlands, dutch, belgium, belgian, sweden, swedish, norway, norwegian,"
        " denmark, danish, finland, poland, polish, warsaw, czech, prague, hungary, hungarian,"
        " romania, romanian, bulgaria, austria, austrian, vienna, switzerland, swiss, geneva,"
        " portugal, portuguese, ireland, irish, greece, greek, athens, china, japan, japanese,"
        " tokyo, india, new zealand, canada, canadian, ottawa, australia, australian, canberra,"
        " brazil, brazilian, argentina, argentine, chile, chilean, mexico, mexican, mexico city,"
        " south africa, south african, hong kong, singapore, istanbul, citizens, minority,"
        " population, villagers, village, province, provincial, rights groups, human rights,"
        " election observers, independence, nuclear, resolution, veto, moratorium, plot,"
        " assassination, assassinated, relief, foreign, international, crisis, united kingdom",
    ),
    "Politics": _weights(
        key="tory, labour party, labour leader, lib dem, liberal democrat, conservative party,"
        " tory party, tory leader, snp, plaid cymru, ukip, democratic party, republican party,"
        " gop, general election, by-election, mp, lawmaker, senator, congressman, congresswoman,"
        " house of commons, house of lords, downing street, shadow chancellor,"
        " shadow home secretary, shadow foreign secretary, shadow cabinet, shadow minister,"
        " election campaign, party leader, Labour, Conservatives, Tory, Commons,"
        " party conference, presidential election, presidential campaign, presidential candidate,"
        " presidential race, campaign trail, swing state, battleground state, running mate,"
        " electoral college, prime minister's questions, backbencher, frontbencher, frontbench,"
        " backbench, chief whip, manifesto, constituency",
        strong="election, electoral, parliament, parliamentary, mps, legislator, legislature,"
        " legislative, senate, congress, congressional, democrats, republicans, bundestag,"
        " ballot, polling station, polling day, opinion poll, voter, turnout, referendum,"
        " cabinet, reshuffle, impeachment, filibuster, presidential debate, presidential nominee,"
        " primaries, caucus, incumbent, re-election, reelection, constituents, gubernatorial,"
        " party leadership, spin doctor, political, politics, politician, politically,"
        " legislation, secretary of state, civil service, civil servant, council tax, id card,"
        " identity card, tuition fees, devolution, scottish parliament, welsh assembly, stormont,"
        " sinn fein, capitol hill, oval office, house speaker, speaker of the house,"
        " majority leader, minority leader, attorney general, campaign finance, lobbyist,"
        " senate committee, house committee, public accounts committee, white paper, green paper,"
        " mayoral, mayoral election, local election, polls open, exit poll, electorate,"
        " electioneering, hung parliament, landslide victory, coalition government,"
        " minority government, vote of confidence, no-confidence vote, confidence vote,"
        " parliamentary seat, seat in parliament, ruling party, opposition party,"
        " prime ministerial, Conservative, Lords, pre-budget report, spending review,"
        " budget speech, health secretary, health minister, education secretary,"
        " education minister, work and pensions, culture secretary, trade secretary,"
        " defence secretary, transport secretary, environment secretary, home secretary,"
        " foreign secretary, chief secretary, deputy prime minister, leader of the opposition,"
        " opposition leader, government, minister, chancellor, whitehall, economic policy,"
        " economic record, public services, public sector, efficiency savings, public spending,"
        " spending plans, tax plans, tax-and-spend, stealth tax, department for education,"
        " department of health, department of trade and industry, dti,"
        " department for work and pensions, dwp, defra, dfes, ministry of defence,"
        " cabinet office, number 10, no 10, justice department, homeland security,"
        " department of homeland security, home office minister, government spokesman,"
        " government's plans, government plans, government proposals, consultation paper,"
        " queen's speech, state opening, select committee, commons committee, lords committee,"
        " parliamentary committee, electoral reform, voting system, proportional representation,"
        " anti-social behaviour, asbo, licensing laws, hunting ban, fox hunting, smoking ban,"
        " id scheme, immigration policy, asylum policy, points system, border controls,"
        " home secretary's",
        medium="ministerial, prime minister, premier, president, presidential, governor, mayor,"
        " party, vote, voting, voted, campaign, campaigning, campaigner, candidate, candidacy,"
        " conservative, labour, liberal, democrat, democratic, republican, opposition, policy,"
        " bill, law, lawmaking, spending, westminster, white house, capitol, supreme court,"
        " constitution, constitutional, reform, poll, pollster, council, councillor, immigration,"
        " immigrants, asylum, welfare, pensions, pensioners, home office, foreign office,"
        " nhs reforms, state pension, taxpayer, tax cut, tax rise, income tax,"
        " national insurance, inheritance tax, stamp duty, minimum wage, civil liberties,"
        " anti-terror laws, terror laws, control orders, house arrest, human rights act, lords,"
        " coalition, nominee, nomination, senate race, governorship, debate, administration,"
        " cabinet minister, junior minister, spokesman for, ministry, ombudsman, auditor,"
        " judiciary, veto, amendment, acts of parliament, lobbying, donor, donation, fundraising,"
        " u-turn, rebellion, rebel mps, revolt, sleaze, whistleblower, electoral commission,"
        " ballot box, postal vote, postal voting, polling, vote-rigging, fraud allegations,"
        " budget, public finances, nhs, tax, taxation, consultation",
        weak="public, state, federal, national, nationwide, plan, proposal, proposed, critics,"
        " criticised, criticized, official, leader, leadership, rights, court, citizens,"
        " country's, agenda, issue, education, teachers, crime, prisons, police, elderly,"
        " children, families, victory, won, win, defeat, majority, seat, race, lead, trailing,"
        " announce, announced, warned, peer, act, row, department, judge, ruling, watchdog,"
        " inquiry, leak, leaked, promise, promised, pledge, pledged, backlash, allegations,"
        " mandate, speech, regulation, statutory, terror, terrorism, anti-terror, eu,"
        " european union, brussels, economy, economic, borrowing, waiting lists, waiting times,"
        " schools, hospitals, treasury, treasury secretary, crackdown, benefits, secretary,"
        " scandal, resign, resigned, resignation",
    ),
    "Business": _weights(
        key="shares, profit, earnings, quarterly, revenue, shareholders, investors, takeover,"
        " merger, chief executive, wall street, stock market, interest rate, inflation, gdp,"
        " oil prices, dividend, ipo, bankruptcy",
        strong="share price, stock exchange, stocks, shareholder, stockholders, pre-tax, pretax,"
        " net income, net profit, operating profit, initial public offering, flotation,"
        " acquisition, buyout, hostile bid, takeover bid, ceo, cfo, chief financial officer,"
        " chief operating officer, board of directors, nyse, new york stock exchange, nasdaq,"
        " dow, dow jones, s&p, s&p 500, ftse, ftse 100, dax, cac, nikkei, hang seng,"
        " central bank, federal reserve, bank of england, european central bank, ecb, rate cut,"
        " rate rise, rate hike, deflation, gross domestic product, recession, economist,"
        " bankrupt, chapter 11, creditors, insolvency, receivership, treasury bonds, bond yields,"
        " yields, currency, yen, yuan, sterling, exchange rate, oil price, crude, crude oil,"
        " barrel, opec, brent, retail sales, consumer spending, consumer confidence,"
        " unemployment, jobless, jobless claims, payrolls, trade deficit, current account,"
        " fiscal, monetary, securities and exchange commission, securities, antitrust,"
        " hedge fund, private equity, pension fund, mutual fund, brokerage, broker, stockbroker,"
        " insurer, reinsurance, mortgage, lender, lending, retailer, supermarket, manufacturing,"
        " manufacturer, exports, imports, exporter, tariff, wto, world trade organization, imf,"
        " international monetary fund, world bank, airline, aerospace, boeing, airbus, automaker,"
        " carmaker, car maker, general motors, chrysler, daimlerchrysler, toyota, honda,"
        " volkswagen, bmw, renault, peugeot, fiat, hyundai, wal-mart, walmart, sears, kmart,"
        " costco, home depot, tesco, sainsbury, sainsbury's, marks & spencer, asda, morrisons,"
        " woolworths, nestle, unilever, procter & gamble, coca-cola, pepsi, pepsico, mcdonald's,"
        " starbucks, exxon, exxonmobil, exxon mobil, chevron, chevrontexaco, bp, conocophillips,"
        " gazprom, rosneft, lukoil, yukos, goldman sachs, morgan stanley, jpmorgan, jp morgan,"
        " citigroup, citibank, bank of america, merrill lynch, wells fargo, hsbc, barclays,"
        " lloyds, lloyds tsb, rbs, royal bank of scotland, ubs, credit suisse, deutsche bank,"
        " bnp paribas, aig, berkshire hathaway, fannie mae, freddie mac, lehman brothers,"
        " bear stearns, enron, worldcom, parmalat, pfizer, merck, glaxosmithkline, novartis,"
        " astrazeneca, johnson & johnson, eli lilly, bristol-myers squibb, bayer, sanofi,"
        " time warner, viacom, news corp, comcast, vivendi, bertelsmann, ryanair, easyjet,"
        " british airways, lufthansa, air france, qantas, united airlines, american airlines,"
        " us airways, delta air lines, northwest airlines, continental airlines, fedex, dhl, ftc,"
        " fsa, accountancy, accountant, auditors, audit, bailout, bail-out, layoffs, job cuts,"
        " redundancies, restructuring, cost-cutting, outsourcing, offshoring, holding company,"
        " conglomerate, subsidiary, joint venture, shareholder value, market share, market value,"
        " market capitalisation, market capitalization, valuation, profitability, loss-making,"
        " sales growth, profit warning, commodity, gold price, futures, traders, trading floor,"
        " bull market, bear market, sell-off, selloff, blue chip, blue-chip, benchmark index,"
        " index fell, index rose, housing market, house prices, property market, real estate,"
        " factory orders, durable goods, industrial production, growth forecast, economic growth,"
        " trade gap, trade surplus, budget deficit, national debt, credit rating,"
        " investment bank, investment banking, net loss, net sales, net revenue, mg rover,"
        " land rover, rover group, economy, economic, government bond, oil producer, natural gas",
        medium="sale, sold, buy, buying, bought, growth, billion, bn, trade, trading, trader,"
        " loan, credit, fund, forecast, analyst, oil, gas, energy, fuel, petrol, gasoline, jobs,"
        " workers, wages, pay, salary, union, labour costs, labor, strike, consumer, brand, boss,"
        " executive, chairman, chairwoman, insurance, cost, factory, supply, demand, pound, euro,"
        " retail, store, shop, shopping, shoppers, high street, mall, goods, employees, employer,"
        " staff, workforce, hiring, hired, recruit, expansion, expand, acquire, acquired, merge,"
        " merged, bid, bidder, rival, competitor, regulator, regulatory, fined, lawsuit, settle,"
        " settled, fraud, accounting, shares fell, shares rose, stock fell, stock rose, cents,"
        " percentage points, basis points, quarter, annual, fiscal year, year-on-year,"
        " expectations, beat expectations, rebound, slump, slowdown, downturn, boom, bust, surge,"
        " surged, slid, slipped, tumbled, plunged, soared, jumped, gains, gained, loss,"
        " record high, record low, highs, lows, flights, passengers, fares, cargo, shipping,"
        " freight, railway, rail, telecoms, utility, electricity, power station, pipeline,"
        " refinery, drilling, mining, miner, steel, aluminium, aluminum, copper, textile, farm,"
        " farmers, agriculture, agricultural, crop, food prices, beer, brewer, brewery,"
        " tobacco firm, cigarette maker, luxury, tourism, hotel, casino, property, homebuyers,"
        " housing, rent, landlord, pension, savings, savers, deposit, cash, money, profit-taking,"
        " ford, banker, banking, bank, finance, financial, financing, investment, invest,"
        " invested, investor, business, corporate, corporation, industry, industrial, commercial,"
        " market, price, pricing, consensus, guidance, outlook, venture, debt, downgrade,"
        " downgraded, output, productivity, wholesale, profitable, chain store, UPS, Shell,"
        " Target, Ford, drug company, treasury, treasury yields, treasury prices,"
        " treasury secretary, drugmaker, drug maker, dollar, bond, first-quarter, second-quarter,"
        " third-quarter, fourth-quarter",
        weak="million, m, per cent, percent, %, rise, rose, rising, fall, fell, falling, months,"
        " cut, rate, group, plc, inc, corp, ltd, co, chief, report, reported, expected, figures,"
        " data, level, increase, increased, decline, declined, higher, lower, earlier, strong,"
        " weak, weaker, stronger, raise, raised, boost, boosted, value, worth, owner, owned,"
        " private, public, board, offer, chain, rally, rallied, gold, plant, franchise,"
        " renewable energy, nuclear power, power plant, budget, public finances, borrowing,"
        " company, firm, customers, product, $, £, €, ¥, deal, fda, drug, tax, taxation, traded,"
        " headquarters, unit, division, operations, competition, investigation, probe,"
        " settlement, estimates, hedge, stake, sec, margins, turnover",
        hint="disney, sony, siemens, philips, samsung, nokia, amazon, ebay, microsoft, google,"
        " intel, ibm, apple, vodafone, bt, verizon, at&t, nissan",
    ),
    "Technology": _weights(
        key="software, internet, computer, broadband, microsoft, google, intel, ibm, linux,"
        " website, web site, hacker, virus writers, spyware, spam, phishing, chipmaker,"
        " semiconductor, mobile phone, cellphone, smartphone, video game, playstation, xbox,"
        " nintendo, ipod, itunes, file-sharing, peer-to-peer, open source, operating system, pc,"
        " pcs, laptop, apple, yahoo, amd, nvidia, dell, hewlett-packard, hp, compaq, lenovo,"
        " samsung, nokia, motorola, ericsson, cisco, oracle, peoplesoft, sap, sun microsystems,"
        " red hat, novell, adobe, symantec, mcafee, aol, america online, msn, ebay, paypal,"
        " amazon.com, realnetworks, tivo, qualcomm, texas instruments, broadcom, verisign,"
        " facebook, twitter, youtube, myspace, skype, napster, kazaa, firefox, mozilla,"
        " windows xp, macintosh, android, sony ericsson, apple computer, riaa, mpaa, fcc",
        strong="hardware, computing, desktop, notebook computer, server software, mainframe,"
        " supercomputer, web, webpage, browser, web browser, search engine, wi-fi, wifi, wimax,"
        " bluetooth, 3g, 4g, 5g, cell phone, handset, iphone, ipad, mp3, mp3 player, pda,"
        " blackberry, chip maker, microprocessor, processor, microchip, silicon valley,"
        " transistor, memory chip, flash memory, hard drive, hard disk, dvd player, dvd recorder,"
        " blu-ray, hd-dvd, hd dvd, high-definition, hdtv, plasma screen, lcd, touchscreen, unix,"
        " open-source, source code, programmer, programming, developer kit, software developer,"
        " app, download, downloading, downloaded, file sharing, file-swapping, p2p, bittorrent,"
        " grokster, hacking, hacked, cyber, cyberattack, cybersecurity, cybercrime, cyber-crime,"
        " cyber security, malware, computer virus, trojan horse, adware, spammer, firewall,"
        " encryption, password, security flaw, vulnerability, security hole, security patch,"
        " exploit code, denial-of-service, denial of service, botnet, zombie computers, e-mail,"
        " e-mails, email, instant messaging, instant messenger, chat room, chatroom, blog,"
        " blogger, blogging, podcast, podcasting, social network, social networking,"
        " social media, acer, toshiba, fujitsu, macromedia, netscape, hotmail, akamai,"
        " salesforce, vmware, emc, xerox, linkedin, wikipedia, instagram, whatsapp, tiktok,"
        " snapchat, spotify, openai, chatgpt, deepmind, windows vista, windows 10, windows 11,"
        " imac, mac os, os x, ios, symbian, playstation 2, playstation 3, psp, xbox 360,"
        " game boy, gamecube, wii, sega, electronic arts, activision, videogame, computer game,"
        " online game, gamer, game console, artificial intelligence, machine learning,"
        " neural network, algorithm, robot, robotic, robotics, virtual reality,"
        " augmented reality, gadget, gizmo, console, tech, technology, technological, high-tech,"
        " hi-tech, telecom, telecommunications, internet service provider, isp, dot-com, dotcom,"
        " start-up, startup, start-ups, megabit, gigabit, gigabyte, megabyte, terabyte,"
        " gigahertz, ghz, bandwidth, fibre optic, fiber optic, fibre-optic, fiber-optic, rfid,"
        " gps, satellite radio, electronics, consumer electronics, voip, internet telephony,"
        " net telephony, cyberspace, domain name, icann, url, database, data centre, data center,"
        " cloud computing, data storage, webcam, camera phone, digital camera, megapixel,"
        " flat-panel, flat screen, flat-screen, pixel, e-commerce, online shopping,"
        " online retailer, online auction, online music, music download, digital music,"
        " internet users, web users, computer users, pc users, mobile users, downloaders,"
        " copy protection, digital rights management, drm, desktop search, search results,"
        " search market, search giant, software giant, software maker, chip giant,"
        " computer maker, pc maker, handset maker, phone maker, tech firm, tech company,"
        " tech giant, tech stocks, technology company, technology stocks, wireless, networking,"
        " network security, enterprise software, business software, software company,"
        " web services, ip address, smart card, biometric, biometrics, nanotechnology,"
        " broadband tv, digital tv, digital television, video on demand, tv on demand,"
        " media centre, media center, personal video recorder, pvr, dvr, digital video recorder,"
        " mobile tv, games industry, games maker, game makers, game developers, games developers,"
        " online gaming, handheld, portable player, music player, jukebox, digital jukebox,"
        " ringtone, video-on-demand, internet radio, web radio, net radio,"
        " recording industry association, motion picture association, song-swapping,"
        " song swapping, file swappers, file-swappers, music-swapping, copyright infringement,"
        " digital millennium copyright act, dmca, federal communications commission, ofcom,"
        " pentium, athlon, itanium, xeon, opteron, centrino, powerpc, dual-core, multicore,"
        " multi-core, 64-bit, 32-bit, blue gene, supercomputing, ibm's, hewlett packard, palmone,"
        " palmsource, research in motion, sbc, bellsouth, qwest, vonage, earthlink, directv,"
        " echostar, sirius satellite, xm satellite, lycos, ask jeeves, infineon,"
        " stmicroelectronics, micron, hynix, tsmc, transmeta, sco group, suse, borland,"
        " computer associates, bea systems, siebel, unisys, sybase, accenture, crm, erp,"
        " antivirus, anti-virus, anti-spam, antispam, security software, security firm,"
        " security researchers, security experts, pop-up, pop-ups, pop-up ads, online ads,"
        " online advertising, search advertising, paid search, keyword advertising, halo 2,"
        " half-life, doom 3, nintendo ds, sony psp, plasma tv, plasma tvs, lcd tv, lcd tvs,"
        " chipset, graphics chip, graphics card, motherboard, wafer, nanometer, nanometre,"
        " 90-nanometer, dram, nand, flash chips, usb, firewire, ethernet, router, modem,"
        " wireless carrier, mobile operator, telco, internet access, high-speed internet,"
        " dial-up, net access, internet explorer, ie, mozilla firefox, thunderbird,"
        " opera browser, service pack, sp2, xp sp2, mac mini, ibook, powerbook, ipod mini,"
        " ipod shuffle, itunes music store, realplayer, windows media, media player, msn search,"
        " google news, froogle, gmail, picasa, orkut, flickr, del.icio.us, wiki, wikis, rss, xml,"
        " html, javascript, php, perl, mysql, sourceforge, gnu, free software, software patents,"
        " patent office, tech support, help desk, outsourcing firm, tech sector,"
        " technology sector, tech industry, technology industry, computer industry,"
        " software industry, chip industry, semiconductor industry, pc market, server market,"
        " handset market, x prize, ansari x prize, games console, games market, games firm,"
        " gameplay, multiplayer, single-player, first-person shooter, role-playing game, mmorpg,"
        " handheld console, games machine, game titles, games titles",
        medium="virus, device, user, data, screen, mobile, phone, telephone, amazon, netflix,"
        " tesla, dvd, camera, privacy, server, cloud, version, upgrade, satellite, chip, silicon,"
        " sony, siemens, philips, panasonic, lg, sharp, htc, huawei, zte, alcatel, lucent,"
        " nortel, vodafone, t-mobile, o2, bt, british telecom, verizon, at&t, sprint, nextel,"
        " cingular, deutsche telekom, france telecom, telefonica, ntt, docomo, comcast,"
        " cable operator, engineering, engineer, innovation, innovative, invention, inventor,"
        " patent, prototype, automated, automation, click, portal, subscriber, subscription,"
        " streaming, audio, text message, texting, sms, messaging, battery, sensor, satellite tv,"
        " set-top box, worm, patch, online, piracy, pirated, digital, digitally, storage,"
        " interface, keyboard, beta, electronic, printer, scanner, Java, SAP, Sprint, Palm,"
        " Gateway, Windows, IT, gaming, game, flaw, swapping, cellular",
        weak="service, technical, use, used, using, market, consumer, player, company, firm,"
        " customers, information, access, connect, connected, connection, speed, faster, design,"
        " designed, smart, model, net, tv, television, program, programme, system, tool, feature,"
        " page, link, voice, calls, machine, cable, recording industry, record companies,"
        " record labels, music industry, studios, carrier, exploit, network, operator, search,"
        " security, code, platform, launch, launched, content, stream, memory, display, wired,"
        " video, application",
    ),
    "Science": _weights(
        key="scientist, researchers, nasa, astronomers, spacecraft, planet, species, fossil,"
        " dinosaur, genome, physicists, climate change, global warming",
        strong="physicist, chemist, biologist, geologist, astronomer, astrophysicist,"
        " cosmologist, palaeontologist, paleontologist, archaeologist, archeologist,"
        " anthropologist, zoologist, ecologist, climatologist, climate scientist, oceanographer,"
        " seismologist, geneticist, naturalist, esa, european space agency, jaxa, roscosmos,"
        " space shuttle, space station, iss, international space station, astronaut, cosmonaut,"
        " space probe, space agency, lander, orbiter, telescope, hubble, observatory, planetary,"
        " exoplanet, mars, martian, jupiter, saturn, venus, neptune, uranus, pluto, titan, lunar,"
        " solar system, galaxy, milky way, universe, cosmic, cosmos, black hole, supernova,"
        " nebula, asteroid, comet, meteor, meteorite, orbit, orbiting, orbital, launch pad,"
        " cassini, huygens, rosetta, stardust, voyager, apollo, big bang, dark matter,"
        " dark energy, evolution, evolutionary, fossilised, fossilized, palaeontology,"
        " paleontology, extinct, extinction, endangered species, wildlife, habitat, biodiversity,"
        " ecosystem, ecology, ecological, conservationist, dna, gene, genetics, genetic,"
        " genetically modified, gm crops, cloning, cloned, physics, chemistry, biology, geology,"
        " molecule, molecular, atom, particle, quantum, neutrino, proton, electron, photon,"
        " higgs, cern, hadron, particle accelerator, greenhouse gas, greenhouse effect,"
        " carbon dioxide, co2, kyoto protocol, ozone, ozone layer, ice sheet, glacier,"
        " permafrost, sea level, arctic, antarctic, antarctica, polar, coral, coral reef,"
        " rainforest, deforestation, oceanography, marine biology, marine life, volcano,"
        " volcanic, eruption, tectonic, seismic, laboratory, lab, experiment, experimental,"
        " peer-reviewed, peer review, journal nature, journal science,"
        " proceedings of the national academy, scientific, science, national science foundation,"
        " royal society, mathematician, mathematics, mathematical, theorem, primate, chimpanzee,"
        " chimps, gorilla, orangutan, whale, dolphin, mammal, reptile, amphibian, insect, beetle,"
        " butterfly, bacteria, bacterium, microbe, microbial, organism, protein, enzyme, neuron,"
        " skull, skeleton, prehistoric, neanderthal, hominid, archaeological, archaeology,"
        " archeology, excavation, excavated, tomb, mummy, ancient egypt, ice age, jurassic,"
        " cretaceous, meteorologist, meteorology, space exploration, space flight, spaceflight,"
        " space tourism, spaceship, spaceshipone, payload, launch vehicle, nuclear fusion,"
        " fusion reactor, emissions cuts, carbon emissions, environmentalist, nanotech,"
        " superconductor, superconducting",
        medium="research, researcher, study, space, satellite, earth, ocean, ice, climate,"
        " animal, bird, fish, tree, forest, ancient, university, professor, discovery,"
        " discovered, discover, solar, reactor, weather, storm, hurricane, typhoon, tornado,"
        " theory, sample, specimen, emissions, carbon, methane, temperature, warming, moon, soil,"
        " mineral, crystal, chemical, biotech, biotechnology, engineering, engineers, technique,"
        " breed, breeding, bred, mice, rat, genetic code, zoo, predator, prey, turtle, snake,"
        " elephant, panda, wolves, wolf, seals, salmon, crater, atmospheric, environment,"
        " environmental, pollution, pollutant, conservation, hydrogen, solar panel, solar power,"
        " renewable energy, renewables, wind power, wind farm, wind turbines, fuel cell, ant,"
        " bee, spider, frog, rover, endangered, Nature, Mercury, nobel prize, nobel,"
        " physics prize, chemistry prize, medicine prize, stem cell, x prize, atomic, findings,"
        " rocket",
        weak="found, suggest, suggested, model, million years, billion years, million years ago,"
        " years ago, century, size, scale, rare, team of, international team, light, mission,"
        " cell, sea, mouse, nuclear, brain, evolved, launch, launched, plant, energy, data, sun,"
        " probe, lake, river, water, measure, measured, measurements, observe, observed,"
        " observations, analysis, evidence, nature, natural, surface, atmosphere",
    ),
    "Health": _weights(
        key="cancer, disease, vaccine, hospital patients, obesity, diabetes, heart disease, hiv,"
        " flu, bird flu, malaria, clinical trial, AIDS",
        strong="healthcare, health care, health service, patient, physician, nurse, nursing,"
        " medicine, tumour, tumor, chemotherapy, radiotherapy, leukaemia, leukemia, diabetic,"
        " obese, overweight, heart attack, heart failure, cardiac, cardiovascular, cholesterol,"
        " blood pressure, hypertension, dementia, alzheimer's, alzheimer, parkinson's, autism,"
        " autistic, asthma, arthritis, osteoporosis, tuberculosis, polio, measles, mumps,"
        " rubella, mmr, hepatitis, influenza, avian flu, avian influenza, h5n1, sars, ebola,"
        " cholera, epidemic, epidemics, pandemic, vaccination, vaccinated, immunisation,"
        " immunization, covid, covid-19, coronavirus, infectious, contagious, symptom, diagnosis,"
        " diagnosed, diagnose, surgeon, surgical, transplant, clinic, clinics, clinical, therapy,"
        " mental health, mental illness, psychiatric, psychiatrist, schizophrenia, anorexia,"
        " eating disorder, nutrition, nutritional, calorie, smoking, smoker, tobacco, cigarette,"
        " binge drinking, alcoholism, food and drug administration, cdc,"
        " centers for disease control, pharmaceutical, pharmacist, pharmacy, prescription,"
        " prescribed, antibiotic, antibiotics, antidepressant, antiviral, painkiller, aspirin,"
        " side effects, side-effects, placebo, health insurance, medicare, medicaid,"
        " life expectancy, pregnancy, pregnant, childbirth, fertility, ivf, contraception,"
        " contraceptive, birth defects, newborn, paediatric, pediatric, paediatrician,"
        " pediatrician, obstetrician, cardiologist, oncologist, neurologist, dentist, dental,"
        " blindness, deafness, wellbeing, well-being, health officials, health experts,"
        " public health, health risk, health warning, healthy eating, junk food, fast food,"
        " fatty foods, salt intake, sugar intake, diet, dieting, dietary, physical activity, bmj,"
        " british medical journal, lancet, new england journal of medicine, jama,"
        " medical research council, national institutes of health, nih, stem cell, mrsa,"
        " superbug, hygiene, a&e, ambulance, paramedic, paramedics, medic, medics, waiting list,"
        " waiting times, care home, hospice, illness, ill-health, sickness, immune system,"
        " antibodies, virus strain, allergy, allergic, stroke patients, blood test, mammogram,"
        " x-ray, mri, organ donor, organ donation, kidney, liver, lung, prostate, breast cancer,"
        " lung cancer, skin cancer, bowel cancer, cervical cancer, hiv/aids, aids virus,"
        " aids epidemic, aids drugs, condom, nhs, surgery",
        medium="health, pill, dose, dosage, virus, sick, infant, healthy, hospitalised,"
        " hospitalized, addiction, addicts, addicted, alcohol, vitamin, supplements, study,"
        " researchers, risk of, death rate, mortality, ageing, aging, anxiety, gene, genetic,"
        " dna, protein, bacteria, nhs trust, skin, bone, teeth, children's health, ward, chronic,"
        " acute, gp, gps, stroke, health secretary, health minister, hospital, doctor, medical,"
        " drugmaker, drug maker, drug company, fda, treatment, infected, infection, outbreak,"
        " depression, immune",
        weak="people, age, aged, life, lives, condition, women, men, children, adults, young,"
        " older, percent, per cent, survey, linked, link, levels, rate, eye, sleep, stress, cell,"
        " suicide, mothers, screening, pfizer, merck, glaxosmithkline, novartis, astrazeneca,"
        " eli lilly, bristol-myers squibb, bayer, sanofi, roche, drug, care, ill, pain, blood,"
        " heart, brain, birth, baby, fitness, trial, scan, disability, disabled, exercise,"
        " elderly, food, eating, eat, drinking, drink, sugar, salt, fat, vision",
        hint="risk, died, deaths, cases, body, weight, test, tested",
    ),
    "Sports": _weights(
        key="premiership, premier league, champions league, nfl, nba, mlb, nhl, world series,"
        " super bowl, stanley cup, six nations, quarterback, touchdown, striker, midfielder,"
        " goalkeeper, wicket, innings, grand slam, wimbledon, olympics, semi-final,"
        " quarter-final, semifinal, quarterfinal",
        strong="football, soccer, rugby, cricket, tennis, golf, golfer, basketball, baseball,"
        " hockey, ice hockey, athletics, olympic, olympian, paralympic, paralympics, world cup,"
        " uefa cup, europa league, fa cup, league cup, carling cup, la liga, serie a, bundesliga,"
        " ligue 1, eredivisie, fifa, uefa, wnba, ncaa, nascar, pga, pga tour, lpga, atp, wta,"
        " iaaf, ioc, wada, roland garros, french open, australian open, us open, davis cup,"
        " fed cup, formula one, formula 1, f1, grand prix, motogp, indycar, indy 500, daytona,"
        " le mans, tournament, championship, coach, coaching, head coach, assistant coach,"
        " defender, goalie, goaltender, keeper, goals, scored, scorer, scoring, semi-finals,"
        " quarter-finals, league, squad, teammate, referee, umpire, medallist, medalist,"
        " gold medal, silver medal, bronze medal, world record, sprinter, hurdles, decathlon,"
        " heptathlon, long jump, high jump, triple jump, pole vault, javelin, discus, shot put,"
        " boxing, boxer, heavyweight, middleweight, welterweight, title fight, wrestler, cyclist,"
        " cycling, tour de france, peloton, yellow jersey, inning, bowler, batsman, batsmen,"
        " batting, all-rounder, test match, test series, one-day, one-day international,"
        " twenty20, t20, county championship, ashes, tri-nations, all blacks, springboks,"
        " wallabies, heineken cup, rugby union, rugby league, try-scorer, scrum, fly-half,"
        " scrum-half, flanker, twickenham, murrayfield, field goal, running back, wide receiver,"
        " tight end, linebacker, cornerback, tailback, fullback, kicker, punter, interception,"
        " fumble, passing yards, rushing yards, end zone, pro bowl, playoff, play-off, play-offs,"
        " postseason, preseason, pre-season, wild card, wild-card, division title, bcs,"
        " bowl game, heisman, big ten, big 12, big east, pac-10, college football, gridiron,"
        " pitcher, pitching, reliever, bullpen, shortstop, outfielder, infielder, catcher,"
        " slugger, batter, home run, homer, homered, rbi, rbis, strikeout, struck out, no-hitter,"
        " doubleheader, pennant, american league, national league, spring training, dugout,"
        " ballpark, fenway, wrigley, yankee stadium, power play, power-play, shutout, puck,"
        " slap shot, hat-trick, hat trick, penalty kick, free kick, corner kick, spot-kick,"
        " equaliser, equalizer, goalless, offside, red card, yellow card, sent off, relegation,"
        " relegated, relegation battle, title race, title challenge, point guard, shooting guard,"
        " three-pointer, three-pointers, dunk, slam dunk, free throw, layup, double-double,"
        " triple-double, final four, march madness, all-star, all-stars, mvp, rookie, draft pick,"
        " free agent, free agency, birdie, bogey, under-par, over-par, fairway, putt, putter,"
        " ryder cup, solheim cup, british open, us masters, augusta, caddie, seeded, top seed,"
        " second seed, unseeded, straight sets, tiebreak, tie-break, break point, match point,"
        " set point, double fault, clay court, grass court, hard court, pole position, pit stop,"
        " pit lane, chequered flag, jockey, racecourse, grand national, kentucky derby,"
        " derby winner, thoroughbred, furlong, racehorse, horse racing, gymnast, gymnastics,"
        " swimmer, swimming, freestyle, backstroke, breaststroke, butterfly stroke, rowing,"
        " rower, canoeing, sailing, yachting, equestrian, fencing, judo, taekwondo,"
        " weightlifting, weightlifter, archery, triathlon, softball, volleyball,"
        " beach volleyball, handball, skiing, skier, slalom, snowboard, snowboarding,"
        " figure skating, skater, speed skating, bobsleigh, lacrosse, snooker, badminton,"
        " table tennis, ultimate fighting, ufc, mma, doping, drug test, drugs test,"
        " failed drugs test, positive test, steroid, banned substance, anabolic, thg, epo,"
        " athlete, sportsman, sportsmen, sportswoman, sporting, sport, unbeaten, undefeated,"
        " winless, winning streak, losing streak, defending champion, reigning champion,"
        " world champion, european champion, title holder, champion, title defence,"
        " title defense, hamstring, groin, sidelined, injury time, stoppage time, extra time,"
        " half-time, halftime, full-time, first half, second half, kick-off, kickoff, touchline,"
        " fixture, away game, home game, away match, home match, away win, home win, home side,"
        " away side, home crowd, home fans, away fans, transfer window, transfer fee, loan deal,"
        " loan spell, gaffer, old trafford, anfield, highbury, stamford bridge, wembley, hampden,"
        " villa park, white hart lane, goodison, st james' park, camp nou, bernabeu, san siro,"
        " manchester united, man utd, man united, manchester city, man city, chelsea, everton,"
        " tottenham, aston villa, newcastle united, leeds united, west ham, west brom,"
        " crystal palace, blackburn rovers, bolton wanderers, sunderland, middlesbrough, fulham,"
        " charlton, southampton, portsmouth, norwich city, celtic, glasgow rangers, real madrid,"
        " juventus, juve, ac milan, inter milan, internazionale, bayern munich, bayern,"
        " borussia dortmund, schalke, werder bremen, ajax, psv eindhoven, psv, feyenoord,"
        " benfica, fc porto, sporting lisbon, olympique, marseille, paris saint-germain, psg,"
        " deportivo, atletico madrid, sevilla, real betis, villarreal, lazio, fiorentina,"
        " galatasaray, fenerbahce, besiktas, olympiakos, panathinaikos, cska moscow,"
        " spartak moscow, dynamo kiev, shakhtar donetsk, yankees, red sox, mets, phillies,"
        " dodgers, astros, white sox, orioles, blue jays, devil rays, padres, diamondbacks,"
        " marlins, 49ers, niners, steelers, cowboys, redskins, broncos, seahawks, buccaneers,"
        " bucs, bengals, lakers, celtics, knicks, pacers, cavs, mavericks, mavs, timberwolves,"
        " 76ers, sixers, trail blazers, supersonics, sonics, maple leafs, canadiens, red wings,"
        " blackhawks, oilers, canucks, sabres, blue jackets, thrashers, buckeyes, longhorns,"
        " sooners, seminoles, gators, crimson tide, fighting irish, nittany lions, tar heels,"
        " blue devils, jayhawks, hoosiers, hawkeyes, razorbacks, cornhuskers, huskers,"
        " boise state, lsu, usc, ucla, byu, olympic games",
        medium="goal, match, final, cup, race, title, game, wins, victory, beat, beaten, defeat,"
        " defeated, draw, drew, drawn, ranked, ranking, second round, third round, first round,"
        " opening round, minute, points, skipper, contract, contract extension, winner,"
        " runner-up, runners-up, trailing, comeback, clinch, clinched, rout, routed, edged,"
        " thrashed, upset, knocked out, eliminated, qualifier, qualifying, qualify, qualified,"
        " fans, ball, bat, racket, racquet, sprint, raced, rider, derby, streak, top spot,"
        " standings, unbeaten run, kick, kicked, score, birdied, tee, ncaa tournament, signing,"
        " eagle, par, rebound, ace, squash, curling, darts, marathon, knockout, overtime,"
        " barcelona, lyon, valencia, notre dame, ohio state, florida state, penn state,"
        " michigan state, louisiana state, Wolves, Expos, Braves, Cubs, Rockies, Mariners,"
        " Falcons, Packers, Raptors, Grizzlies, Nuggets, Pistons, Cavaliers, Clippers, Bobcats,"
        " Wolverines, Arsenal, United, Rangers, Giants, Jets, Bills, Dolphins, Eagles, Bears,"
        " Lions, Saints, Panthers, Rams, Colts, Chargers, Raiders, Texans, Jaguars, Vikings,"
        " Ravens, Browns, Patriots, Heat, Magic, Jazz, Suns, Nets, Bulls, Hawks, Bucks, Warriors,"
        " Wizards, Hornets, Blazers, Spurs, Devils, Ducks, Sharks, Lightning, Hurricanes, Flames,"
        " Blues, Flyers, Penguins, Avalanche, Predators, Coyotes, Wild, Tigers, Twins, Athletics,"
        " Brewers, Padres, Masters, Ashes, Bulldogs, Wildcats, Huskies, Spartans, Aggies,"
        " Badgers, Gophers, Cougars, Terrapins, Hokies, injury, salary cap, lockout,"
        " collective bargaining agreement, players' union, players union, players association,"
        " players' association, nhl lockout, sponsorship, broadcast rights, tv rights,"
        " television rights, stadium, racing, traded, trades, trade deadline, transfer market,"
        " free-agent market, re-sign, season, lightweight, wrestling, rushing, yards, pitched,"
        " assists, lap, podium, baseline",
        weak="fight, side, run, start, top, best, second, third, event, half, year-old, chance,"
        " hopes, gold, silver, bronze, promoted, polo, medley, field, track, table, pitch, save,"
        " pass, throw, threw, catch, host, hosted, visitors, lead, led, boss, owner, franchise,"
        " record, consecutive, straight, seed, round, injured, career, retire, retired,"
        " retirement, debut, veteran, rival, rivalry, play, played, playing, driver, trainer,"
        " hole, stroke, gp, captain, club, signed, supporters, transfer, manager, arena, relay,"
        " commissioner, win, won, winning, player, medal, team, third quarter, fourth quarter,"
        " rallied",
    ),
    "Entertainment": _weights(
        key="box office, hollywood, actor, actress, oscar, concert, box-office, grammy, bafta,"
        " emmy, golden globe, sitcom, soap opera, novelist, novel",
        strong="cinema, bollywood, academy award, brit award, mtv, cannes, sundance,"
        " film festival, premiere, premiered, sequel, prequel, remake, blockbuster, screenplay,"
        " screenwriter, filmmaker, film-maker, film-makers, film director, documentary,"
        " animation, pixar, dreamworks, walt disney, warner bros, universal pictures,"
        " twentieth century fox, 20th century fox, miramax, lionsgate, mgm, songwriter,"
        " singer-songwriter, rapper, hip-hop, hip hop, pop star, rock star, rock band, pop group,"
        " boy band, girl group, gig, music, musical, musician, song, lyrics, record label,"
        " record company, emi, sony bmg, universal music, warner music, soundtrack, glastonbury,"
        " eurovision, x factor, pop idol, american idol, reality show, reality tv,"
        " reality television, talent show, theatre, theater, broadway, west end, playwright,"
        " comedy, comedian, tv show, tv series, television series, television show, drama series,"
        " episode, prime-time, primetime, viewers, bbc one, bbc two, channel 4, channel five,"
        " itv, hbo, showtime, celebrity, fiction, bestseller, best-seller, bestselling,"
        " best-selling, literary, booker prize, poet, poetry, painting, painter, sculpture,"
        " sculptor, dancer, ballet, opera, orchestra, symphony, jazz, classical music, guitar,"
        " guitarist, drummer, bassist, vocalist, frontman, lead singer, red carpet, paparazzi,"
        " tabloid, showbiz, showbusiness, show business, entertainment, entertainer, cartoon,"
        " superhero, comic book, fashion week, catwalk, supermodel, starring, starred, co-star,"
        " co-starred, directing, box office takings, grossed, opening weekend, ticket sales,"
        " oscar-winning, oscar-nominated, award-winning, shortlist, shortlisted, r&b,"
        " country music, reggae, hit single, chart-topping, singles chart, album chart,"
        " billboard, itunes chart, debut album, new album, studio album, live album, tour dates,"
        " world tour, sell-out, sold-out, radio 1, radio 2, radio station, dj, djs, disc jockey,"
        " chat show, talk show, game show, quiz show, star wars, harry potter, lord of the rings,"
        " james bond, bond film, spider-man, batman, superman, shrek, cinematography,"
        " screen actors guild, golden raspberry, Paramount, nobel prize in literature,"
        " literature prize, film, movie, album, singer, band, simpsons",
        medium="stardom, drama, audience, studio, awards, script, book, art, television, tv,"
        " performer, sing, sang, sung, singing, glamour, storyline, cinemagoers, moviegoers,"
        " filmgoers, netflix, dvd, download chart, sony, warner, costume, romance, romantic,"
        " piano, violin, vocals, lyric, verse, poem, memoir, biography, autobiography, acclaimed,"
        " acclaim, literature, audition, casting, rock, pop, rap, chart, gross, cast, nominated,"
        " comic, soap, dance, author, festival, artist, museum, gallery, exhibition, fashion,"
        " presenter, big brother, disney, punk, indie, top ten, top 40, takings, animated,"
        " nominations",
        weak="life, night, live, single, number one, soul, folk, broadcaster, nominee, series,"
        " star, stage, staged, role, debut, classic, classics, legend, legendary, famous,"
        " designer, model, prize, honour, honoured, honor, honored, wedding, married, divorce,"
        " love, play, record, media, show, perform, performed, performing, performance, scene,"
        " character, screen, screening, celebrated, horror, icon, iconic, tribute, fame,"
        " magazine, publisher, publishing, writer, tour, touring, channel, award, ceremony,"
        " culture, cultural, radio, fan, video, streaming, producer, acting, director, thriller,"
        " directed",
        hint="hit, plot, story",
    ),
}

# Keywords in German, French and Spanish (`keywords_intl`), at their tier's weight; a word the
# English lists have keeps its English weight.
for _topic, _tiers in keywords_intl.TEXT_KEYWORDS.items():
    for _keyword, _weight in _weights(**_tiers).items():
        KEYWORDS[_topic].setdefault(_keyword, _weight)

SECTION_WORDS = (
    frozenset(
        "world international ausland monde internacional politics political politik politique"
        " política politica elections business economy economics finance wirtschaft économie"
        " economía technology tech technik tecnología technologie science wissenschaft ciencia"
        " health gesundheit santé salud sport sports deportes football soccer entertainment culture"
        " kultur cultura arts music film movies cinema".split()
    )
    | keywords_intl.SECTION_WORDS
)
"""Words that name a section even inside a longer category ("US politics", "Sport - Tennis")."""
