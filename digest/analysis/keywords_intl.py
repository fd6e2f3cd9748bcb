"""Hand-written topic words in languages other than English: section names and keywords.

Section names (a feed entry's categories: "Politik", "Économie", "Deportes", "Esteri", "Спорт")
cover German, French, Spanish, Portuguese, Italian, Dutch, Czech, Slovak, Polish, Russian,
Ukrainian, Swedish, Danish, Norwegian, Finnish, Hungarian, Romanian and Greek. Keywords, for
articles whose entries carry no categories, cover German, French and Spanish; they are words
English text does not use (no "film", "virus" or "match", which the English lists weigh
already), so they leave English articles' topics as they were. `digest.analysis.keywords`
merges both into its tables; the tiers weigh as there. Written from general knowledge of how
news is worded in these languages, not fitted to any data.
"""

from __future__ import annotations

__all__ = ["SECTIONS", "SECTION_WORDS", "TEXT_KEYWORDS"]

# Topic -> comma-separated section names, lower case.
_SECTIONS = {
    "World": """ausland, welt, weltgeschehen, internationales, nahost, naher osten, asien, afrika,
        amerika, lateinamerika, monde, étranger, europe, afrique, asie, amériques, proche-orient,
        moyen-orient, internacional, mundo, exterior, américa latina, latinoamérica, áfrica,
        américas, ásia, oriente médio, esteri, mondo, internazionale, medio oriente,
        buitenland, wereld, internationaal, zahraničí, svět, zahraničie, svet, świat, zagranica,
        в мире, мир, за рубежом, международные новости, світ, у світі, utrikes, världen, udland,
        verden, utenriks, utland, ulkomaat, külföld, nagyvilág, externe, internațional, lume,
        κόσμος, διεθνή""",
    "Politics": """politik, inland, innenpolitik, bundespolitik, landespolitik, bundesregierung,
        wahl, bundestagswahl, landtagswahl, europawahl, politique, politique française,
        gouvernement, présidentielle, législatives, élections, política, elecciones, gobierno,
        política nacional, eleições, governo, politica, interni, elezioni, governo e parlamento,
        politiek, binnenland, verkiezingen, politika, domácí, domov, domáce, polityka, kraj,
        wybory, политика, выборы, в россии, політика, вибори, inrikes, indland, innenriks,
        politikk, politiikka, kotimaa, belföld, politică, alegeri, πολιτική""",
    "Business": """wirtschaft, finanzen, unternehmen, börse, geld, konjunktur, karriere, märkte,
        immobilien, économie, eco, entreprises, marchés, bourse, finance, argent, emploi,
        economía, negocios, empresas, mercados, finanzas, dinero, empleo, economia, negócios,
        mercado, finanças, dinheiro, finanza, affari, mercati, borsa, lavoro, imprese,
        economie, financiën, beurs, bedrijven, ondernemen, ekonomika, byznys, peníze,
        financie, peniaze, gospodarka, biznes, ekonomia, finanse, pieniądze, экономика,
        бизнес, финансы, економіка, бізнес, фінанси, ekonomi, näringsliv, økonomi, erhverv,
        næringsliv, talous, gazdaság, afaceri, bani, οικονομία""",
    "Technology": """technik, digital, netzwelt, netzpolitik, technologie, web, künstliche
        intelligenz, multimedia, numérique, informatique, high-tech, hightech, tecnología,
        tecno, tecnologia, tecnologie, hi-tech, digitaal, technológie, nowe technologie,
        технологии, хайтек, технології, teknik, teknologi, teknologia, technológia,
        tehnologie, τεχνολογία""",
    "Science": """wissenschaft, wissen, forschung, umwelt, klima, natur, weltraum, raumfahrt,
        sciences, science, environnement, planète, espace, climat, ciencia, ciencias,
        medio ambiente, espacio, clima, ciência, ciências, meio ambiente, ambiente, espaço,
        scienza, scienze, spazio, wetenschap, klimaat, milieu, natuur, věda, veda, nauka,
        наука, vetenskap, klimat, miljö, videnskab, miljø, vitenskap, tiede, ympäristö,
        tudomány, știință, stiinta, mediu, επιστήμη""",
    "Health": """gesundheit, medizin, ernährung, santé, médecine, salud, medicina, sanidad,
        saúde, salute, sanità, gezondheid, zdraví, zdravie, zdrowie, здоровье, медицина,
        здоров'я, здоров’я, hälsa, sundhed, helse, terveys, egészség, sănătate, sanatate,
        υγεία""",
    "Sports": """sport, fußball, fussball, formel 1, bundesliga, wintersport, eishockey,
        cyclisme, jeux olympiques, deportes, fútbol, futbol, baloncesto, tenis, ciclismo,
        esportes, esporte, desporto, futebol, calcio, motori, basket, voetbal, wielrennen,
        formule 1, fotbal, hokej, šport, futbal, piłka nożna, спорт, футбол, хоккей, fotboll,
        fodbold, fotball, urheilu, jalkapallo, foci, labdarúgás, αθλητισμός, αθλητικά""",
    "Entertainment": """kultur, kunst, feuilleton, kino, musik, fernsehen, literatur, bücher,
        unterhaltung, leute, promis, medien, culture, cinéma, musique, télévision, livres,
        médias, spectacles, télé, séries, cultura, espectáculos, cine, música, libros, ocio,
        gente, televisión, famosos, entretenimento, televisão, livros, celebridades,
        spettacoli, spettacolo, musica, televisione, libri, cultuur, muziek, boeken, showbizz,
        kultura, kultúra, rozrywka, культура, кино, шоу-бизнес, nöje, kulttuuri, viihde,
        cultură, monden, πολιτισμός""",
}

SECTIONS: dict[str, str] = {
    name.strip(): topic
    for topic, names in _SECTIONS.items()
    for name in " ".join(names.split()).split(",")
    if name.strip()
}
"""Section name (lower case) -> taxonomy topic."""

SECTION_WORDS: frozenset[str] = frozenset(
    """ausland inland politik politique política politica polityka politika politiek
    wirtschaft économie economía economia economie ekonomika gospodarka sport deportes
    esportes calcio fußball kultur culture cultura kultura cultuur wissenschaft sciences
    ciencia ciência scienza wetenschap nauka gesundheit santé salud saúde salute gezondheid
    zdrowie technik technologie tecnología tecnologia""".split()
)
"""Words that name a section even inside a longer one ("Deutsche Politik", "Sport - Tennis")."""

# Topic -> tier -> comma-separated keywords (German, French, Spanish), lower case.
TEXT_KEYWORDS: dict[str, dict[str, str]] = {
    "World": {
        "strong": """waffenruhe, flüchtlinge, geflüchtete, vereinten nationen, außenminister,
            außenministerin, außenministerium, botschafter, luftangriff, luftangriffe,
            terroranschlag, cessez-le-feu, réfugiés, nations unies, onu, otan, ambassadeur,
            ministre des affaires étrangères, frappes aériennes, alto el fuego, refugiados,
            naciones unidas, embajador, ministro de asuntos exteriores, bombardeos""",
        "medium": """krieg, truppen, soldaten, konflikt, anschlag, kreml, moskau, peking,
            russland, frankreich, großbritannien, guerre, soldats, conflit, attentat, russie,
            moscou, pékin, allemagne, royaume-uni, états-unis, guerra, soldados, conflicto,
            atentado, rusia, moscú, pekín, alemania, reino unido, estados unidos""",
    },
    "Politics": {
        "strong": """bundesregierung, bundeskanzler, bundeskanzlerin, kanzler, kanzlerin,
            bundesrat, landtag, koalition, wahlkampf, abgeordnete, abgeordneten,
            bundespräsident, ministerpräsident, ministerpräsidentin, gesetzentwurf, spd, cdu,
            csu, fdp, afd, gouvernement, premier ministre, président de la république, élysée,
            matignon, assemblée nationale, députés, député, présidentielle, législatives,
            projet de loi, gobierno, presidente del gobierno, congreso de los diputados,
            diputados, diputado, moncloa, psoe, proyecto de ley, coalición, oposición""",
        "medium": """regierung, wahl, wahlen, partei, parteien, ministerin, kabinett, gesetz,
            élection, élections, parti, ministre, réforme, majorité, sénateurs, elecciones,
            partido político, ministro, ministra, reforma, senado, electoral""",
    },
    "Business": {
        "strong": """umsatz, gewinn, aktie, aktien, börse, zinsen, leitzins, insolvenz,
            konjunktur, konzern, chiffre d'affaires, bénéfice, bénéfices, bourse, cac 40,
            banque centrale, bce, faillite, croissance économique, facturación, beneficios,
            acciones, bolsa, ibex, inflación, tipos de interés, banco central, quiebra""",
        "medium": """wirtschaft, unternehmen, arbeitsplätze, wachstum, verbraucher, banken,
            milliarden, entreprise, entreprises, économie, chômage, croissance, salariés,
            milliards, empresa, empresas, economía, paro, desempleo, crecimiento, trabajadores,
            millones de euros""",
    },
    "Technology": {
        "strong": """digitalisierung, künstliche intelligenz, cyberangriff, halbleiter,
            rechenzentrum, intelligence artificielle, cyberattaque, logiciel, logiciels,
            semi-conducteurs, ordinateur, inteligencia artificial, ciberataque, semiconductores,
            ordenador, computadora""",
        "medium": """datenschutz, numérique, données personnelles, pirates informatiques,
            aplicación, datos personales, teléfono móvil""",
    },
    "Science": {
        "strong": """forscher, forscherin, forschende, wissenschaftler, wissenschaftlerin,
            klimawandel, erderwärmung, raumfahrt, weltraum, astronomen, chercheurs,
            scientifiques, réchauffement climatique, changement climatique, astronomes,
            investigadores, científicos, cambio climático, calentamiento global, astrónomos""",
        "medium": """studie, universität, physik, biologie, étude, université, physique,
            espèces, estudio, universidad, física, biología, especies""",
    },
    "Health": {
        "strong": """krankenhaus, kliniken, patienten, ärzte, ärztin, impfung, impfstoff,
            krebs, krankenkasse, medikament, medikamente, hôpital, hôpitaux, médecins,
            vaccin, médicament, médicaments, pacientes, médicos,
            vacuna, vacunación, cáncer, sanidad, medicamento, medicamentos""",
        "medium": """gesundheit, arzt, krankheit, pflege, santé, médecin, maladie, soins,
            hospitales, salud, médico, enfermedad""",
    },
    "Sports": {
        "strong": """fußball, mannschaft, meisterschaft, weltmeister, europameister,
            olympischen, pokal, torwart, stürmer, entraîneur, joueurs, championnat, attaquant,
            gardien de but, jeux olympiques, cyclisme, fútbol, entrenador, jugador, jugadores,
            campeonato, campeón, juegos olímpicos, delantero, portero, goles""",
        "medium": """spieler, saison, sieg, niederlage, verein, tabelle, joueur, équipe,
            victoire, défaite, coupe du monde, equipo, temporada, derrota, selección,
            copa del mundo""",
    },
    "Entertainment": {
        "strong": """schauspieler, schauspielerin, regisseur, regisseurin, sängerin,
            konzert, kinofilm, acteur, actrice, réalisateur, réalisatrice, chanteur,
            chanteuse, cinéma, película, actriz, cantante, concierto""",
        "medium": """musik, sänger, fernsehen, autorin, ausstellung, oper, musique, série,
            télévision, écrivain, musée, théâtre, opéra, música, televisión,
            novela, escritor, escritora, exposición, museo, teatro, ópera""",
    },
}
"""Topic -> tier ("strong", "medium") -> keywords in German, French and Spanish."""
