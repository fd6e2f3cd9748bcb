"""Short news texts in many languages, written for these tests (not taken from anywhere).

`SAMPLES` maps the language `summary_language` should find (a sumy name, or "unknown" for a
language with no support) to a few texts of two or three sentences each. They measure the
language guess (tests/test_language.py); the figures are in `digest.analysis.language`.
"""

from __future__ import annotations

SAMPLES: dict[str, list[str]] = {
    "english": [
        "The city council approved the new budget on Tuesday after a long debate. Officials "
        "said the plan would fund more buses and repair old bridges.",
        "Heavy rain flooded several streets in the town centre overnight. Firefighters pumped "
        "water from dozens of cellars, and no one was hurt.",
        "The company reported a sharp rise in profits for the third quarter. Its shares jumped "
        "by eight percent in early trading.",
        "Scientists have found a new species of frog in the mountains of Peru. The tiny animal "
        "lives under moss near mountain streams.",
        "The home side won the final with a late goal from their young striker. Thousands of "
        "fans celebrated in the streets until the early morning.",
    ],
    "german": [
        "Der Stadtrat hat am Dienstag nach langer Debatte den neuen Haushalt beschlossen. Mit dem "
        "Geld sollen mehr Busse fahren und alte Brücken saniert werden.",
        "Starker Regen hat in der Nacht mehrere Straßen in der Innenstadt überflutet. Die "
        "Feuerwehr pumpte Wasser aus Dutzenden Kellern, verletzt wurde niemand.",
        "Das Unternehmen meldet für das dritte Quartal einen kräftigen Gewinnanstieg. Die Aktie "
        "legte im frühen Handel um acht Prozent zu.",
        "Forscher haben in den Bergen Perus eine neue Froschart entdeckt. Das winzige Tier lebt "
        "unter Moos an Gebirgsbächen und ist kaum größer als ein Daumennagel.",
        "Die Gastgeber gewannen das Finale durch ein spätes Tor ihres jungen Stürmers. Tausende "
        "Fans feierten bis in die frühen Morgenstunden auf den Straßen.",
        "Die Bundesregierung will die Förderung für Elektroautos verlängern. Der Vorschlag soll "
        "noch vor der Sommerpause im Kabinett beraten werden.",
    ],
    "french": [
        "Le conseil municipal a adopté mardi le nouveau budget après un long débat. Selon les "
        "élus, le plan permettra de financer plus de bus et de réparer les vieux ponts.",
        "De fortes pluies ont inondé plusieurs rues du centre-ville pendant la nuit. Les pompiers "
        "ont pompé l'eau de dizaines de caves, et personne n'a été blessé.",
        "L'entreprise a annoncé une forte hausse de ses bénéfices au troisième trimestre. Son "
        "action a bondi de huit pour cent en début de séance.",
        "Des chercheurs ont découvert une nouvelle espèce de grenouille dans les montagnes du "
        "Pérou. Le petit animal vit sous la mousse près des torrents.",
        "L'équipe locale a remporté la finale grâce à un but tardif de son jeune attaquant. Des "
        "milliers de supporters ont fait la fête dans les rues jusqu'au matin.",
        "Le gouvernement veut prolonger l'aide à l'achat de voitures électriques. La mesure sera "
        "examinée par les députés avant la fin de la session.",
    ],
    "spanish": [
        "El ayuntamiento aprobó el martes el nuevo presupuesto tras un largo debate. Según los "
        "concejales, el plan permitirá financiar más autobuses y reparar los puentes viejos.",
        "Las fuertes lluvias inundaron varias calles del centro durante la noche. Los bomberos "
        "sacaron agua de decenas de sótanos y no hubo heridos.",
        "La empresa anunció un fuerte aumento de sus beneficios en el tercer trimestre. Sus "
        "acciones subieron un ocho por ciento en las primeras horas de la sesión.",
        "Un grupo de científicos ha descubierto una nueva especie de rana en las montañas de "
        "Perú. El pequeño animal vive bajo el musgo cerca de los arroyos.",
        "El equipo local ganó la final con un gol en el último minuto de su joven delantero. "
        "Miles de aficionados celebraron en las calles hasta la madrugada.",
        "El Gobierno quiere prorrogar las ayudas para la compra de coches eléctricos. La medida "
        "se debatirá en el Congreso antes del verano.",
    ],
    "portuguese": [
        "A câmara municipal aprovou na terça-feira o novo orçamento depois de um longo debate. "
        "Segundo os vereadores, o plano vai financiar mais ônibus e a reforma de pontes antigas.",
        "As chuvas fortes inundaram várias ruas do centro durante a noite. Os bombeiros "
        "retiraram água de dezenas de porões e ninguém ficou ferido.",
        "A empresa anunciou um forte aumento dos lucros no terceiro trimestre. As ações da "
        "companhia subiram oito por cento nas primeiras horas do pregão.",
        "Pesquisadores descobriram uma nova espécie de sapo nas montanhas do Peru. O pequeno "
        "animal vive sob o musgo perto dos riachos e não é maior do que uma unha.",
        "O time da casa venceu a final com um gol nos minutos finais do seu jovem atacante. "
        "Milhares de torcedores comemoraram nas ruas até de madrugada.",
        "O governo quer prorrogar os incentivos para a compra de carros elétricos. A proposta "
        "deve ser votada pelo Congresso antes do recesso.",
    ],
    "italian": [
        "Il consiglio comunale ha approvato martedì il nuovo bilancio dopo un lungo dibattito. "
        "Secondo gli assessori il piano finanzierà più autobus e la riparazione dei vecchi ponti.",
        "Le forti piogge hanno allagato diverse strade del centro durante la notte. I vigili del "
        "fuoco hanno pompato l'acqua da decine di cantine e non ci sono feriti.",
        "L'azienda ha annunciato un forte aumento degli utili nel terzo trimestre. Il titolo è "
        "salito dell'otto per cento nelle prime ore di contrattazione.",
        "Alcuni ricercatori hanno scoperto una nuova specie di rana sulle montagne del Perù. Il "
        "piccolo animale vive sotto il muschio vicino ai torrenti.",
        "La squadra di casa ha vinto la finale con un gol nel finale del suo giovane attaccante. "
        "Migliaia di tifosi hanno festeggiato per le strade fino all'alba.",
    ],
    "dutch": [
        "De gemeenteraad heeft dinsdag na een lang debat de nieuwe begroting goedgekeurd. Met "
        "het geld moeten meer bussen gaan rijden en worden oude bruggen hersteld.",
        "Hevige regen heeft in de nacht verschillende straten in het centrum onder water gezet. "
        "De brandweer pompte water uit tientallen kelders, er raakte niemand gewond.",
        "Het bedrijf meldt een sterke stijging van de winst in het derde kwartaal. Het aandeel "
        "steeg in de vroege handel met acht procent.",
        "Onderzoekers hebben in de bergen van Peru een nieuwe kikkersoort ontdekt. Het kleine "
        "dier leeft onder mos bij beken en is niet groter dan een duimnagel.",
        "De thuisploeg won de finale dankzij een laat doelpunt van hun jonge spits. Duizenden "
        "fans vierden het tot in de vroege ochtend op straat.",
    ],
    "czech": [
        "Městské zastupitelstvo v úterý po dlouhé debatě schválilo nový rozpočet. Podle radních "
        "z něj budou placeny další autobusy a opravy starých mostů.",
        "Silný déšť v noci zaplavil několik ulic v centru města. Hasiči odčerpávali vodu z "
        "desítek sklepů, nikdo nebyl zraněn.",
        "Společnost oznámila za třetí čtvrtletí výrazný růst zisku. Její akcie na začátku "
        "obchodování posílily o osm procent.",
        "Vědci objevili v horách Peru nový druh žáby. Drobné zvíře žije pod mechem u horských "
        "potoků a není větší než nehet.",
        "Domácí tým vyhrál finále díky pozdnímu gólu svého mladého útočníka. Tisíce fanoušků "
        "slavily v ulicích až do ranních hodin.",
    ],
    "slovak": [
        "Mestské zastupiteľstvo v utorok po dlhej debate schválilo nový rozpočet. Podľa poslancov "
        "sa z neho budú platiť ďalšie autobusy a opravy starých mostov.",
        "Silný dážď v noci zaplavil niekoľko ulíc v centre mesta. Hasiči odčerpávali vodu z "
        "desiatok pivníc, nikto nebol zranený.",
        "Spoločnosť oznámila za tretí štvrťrok výrazný rast zisku. Jej akcie na začiatku "
        "obchodovania posilnili o osem percent.",
        "Vedci objavili v horách Peru nový druh žaby. Drobné zviera žije pod machom pri horských "
        "potokoch a nie je väčšie ako necht.",
        "Domáci tím vyhral finále vďaka neskorému gólu svojho mladého útočníka. Tisíce fanúšikov "
        "oslavovali v uliciach až do skorého rána.",
    ],
    "polish": [
        "Rada miasta po długiej debacie przyjęła we wtorek nowy budżet. Według radnych z tych "
        "pieniędzy zostaną kupione nowe autobusy i wyremontowane stare mosty.",
        "Ulewny deszcz zalał w nocy kilka ulic w centrum miasta. Strażacy wypompowywali wodę z "
        "dziesiątek piwnic, nikt nie został ranny.",
        "Spółka poinformowała o dużym wzroście zysku w trzecim kwartale. Jej akcje podrożały na "
        "początku sesji o osiem procent.",
        "Naukowcy odkryli w górach Peru nowy gatunek żaby. Małe zwierzę żyje pod mchem przy "
        "górskich strumieniach i jest nie większe niż paznokieć.",
        "Gospodarze wygrali finał dzięki późnemu golowi swojego młodego napastnika. Tysiące "
        "kibiców świętowało na ulicach aż do rana.",
    ],
    "swedish": [
        "Kommunfullmäktige antog på tisdagen den nya budgeten efter en lång debatt. Enligt "
        "politikerna ska pengarna gå till fler bussar och till att laga gamla broar.",
        "Kraftigt regn översvämmade flera gator i centrum under natten. Räddningstjänsten "
        "pumpade ut vatten ur dussintals källare och ingen skadades.",
        "Företaget redovisar en kraftig vinstökning för tredje kvartalet. Aktien steg med åtta "
        "procent i den tidiga handeln.",
        "Forskare har hittat en ny grodart i bergen i Peru. Det lilla djuret lever under mossa "
        "vid bäckar och är inte större än en nagel.",
        "Hemmalaget vann finalen tack vare ett sent mål av sin unga anfallare. Tusentals fans "
        "firade på gatorna till tidigt på morgonen.",
    ],
    "danish": [
        "Byrådet vedtog tirsdag det nye budget efter en lang debat. Ifølge politikerne skal "
        "pengene bruges på flere busser og på at reparere gamle broer.",
        "Kraftig regn har i nat oversvømmet flere gader i centrum. Brandvæsenet pumpede vand ud "
        "af snesevis af kældre, og ingen kom til skade.",
        "Selskabet melder om en kraftig stigning i overskuddet i tredje kvartal. Aktien steg "
        "med otte procent i den tidlige handel.",
        "Forskere har fundet en ny frøart i bjergene i Peru. Det lille dyr lever under mos ved "
        "vandløb og er ikke større end en negl.",
        "Hjemmeholdet vandt finalen efter et sent mål af deres unge angriber. Tusindvis af fans "
        "fejrede det i gaderne til den tidlige morgen.",
    ],
    "norwegian": [
        "Bystyret vedtok tirsdag det nye budsjettet etter en lang debatt. Ifølge politikerne "
        "skal pengene gå til flere busser og til å reparere gamle bruer.",
        "Kraftig regn har i natt satt flere gater i sentrum under vann. Brannvesenet pumpet "
        "vann ut av titalls kjellere, og ingen ble skadet.",
        "Selskapet melder om en kraftig økning i overskuddet i tredje kvartal. Aksjen steg med "
        "åtte prosent i den tidlige handelen.",
        "Forskere har funnet en ny froskeart i fjellene i Peru. Det lille dyret lever under "
        "mose ved bekker og er ikke større enn en negl.",
        "Hjemmelaget vant finalen etter et sent mål av sin unge spiss. Tusenvis av fans feiret "
        "i gatene til langt ut på morgenen.",
    ],
    "finnish": [
        "Kaupunginvaltuusto hyväksyi tiistaina uuden talousarvion pitkän keskustelun jälkeen. "
        "Valtuutettujen mukaan rahat käytetään uusiin busseihin ja vanhojen siltojen korjaamiseen.",
        "Rankkasade tulvi yöllä useille keskustan kaduille. Palokunta pumppasi vettä kymmenistä "
        "kellareista, eikä kukaan loukkaantunut.",
        "Yhtiö kertoo, että sen tulos kasvoi kolmannella neljänneksellä selvästi. Osake nousi "
        "aamun kaupankäynnissä kahdeksan prosenttia.",
        "Tutkijat ovat löytäneet Perun vuoristosta uuden sammakkolajin. Pieni eläin elää sammalen "
        "alla purojen varrella, ja se on vain kynnen kokoinen.",
        "Kotijoukkue voitti finaalin nuoren hyökkääjänsä myöhäisellä maalilla. Tuhannet fanit "
        "juhlivat kaduilla aamuun asti, ja myös pelaajat olivat mukana.",
    ],
    "hungarian": [
        "A városi közgyűlés kedden hosszú vita után elfogadta az új költségvetést. A képviselők "
        "szerint a pénzből több buszt vásárolnak és felújítják a régi hidakat.",
        "Az erős eső éjjel több utcát is elárasztott a belvárosban. A tűzoltók több tucat "
        "pincéből szivattyúzták ki a vizet, és senki sem sérült meg.",
        "A vállalat a harmadik negyedévben jelentősen növelte a nyereségét. A cég részvényei "
        "nyolc százalékkal emelkedtek a kereskedés elején.",
        "A kutatók egy új békafajt fedeztek fel Peru hegyeiben. A parányi állat a moha alatt él "
        "a patakok mellett, és nem nagyobb, mint egy köröm.",
        "A hazai csapat egy késői góllal nyerte meg a döntőt. Szurkolók ezrei ünnepeltek az "
        "utcákon egészen hajnalig, és a játékosok is velük voltak.",
    ],
    "romanian": [
        "Consiliul local a aprobat marți noul buget după o dezbatere lungă. Potrivit "
        "consilierilor, banii vor fi folosiți pentru mai multe autobuze și pentru repararea "
        "podurilor vechi.",
        "Ploile puternice au inundat în timpul nopții mai multe străzi din centru. Pompierii au "
        "scos apa din zeci de pivnițe și nu a fost rănit nimeni.",
        "Compania a anunțat o creștere puternică a profitului în al treilea trimestru. Acțiunile "
        "sale au urcat cu opt la sută la începutul ședinței.",
        "Cercetătorii au descoperit o nouă specie de broască în munții din Peru. Micul animal "
        "trăiește sub mușchi lângă pâraie și nu este mai mare decât o unghie.",
        "Echipa gazdă a câștigat finala cu un gol marcat în ultimele minute de tânărul său "
        "atacant. Mii de suporteri au sărbătorit pe străzi până dimineața.",
    ],
    "russian": [
        "Городской совет во вторник после долгих споров утвердил новый бюджет. По словам "
        "депутатов, деньги пойдут на новые автобусы и ремонт старых мостов.",
        "Сильный дождь ночью затопил несколько улиц в центре города. Пожарные откачивали воду "
        "из десятков подвалов, никто не пострадал.",
        "Компания сообщила о резком росте прибыли в третьем квартале. Её акции в начале торгов "
        "подорожали на восемь процентов.",
        "Учёные обнаружили в горах Перу новый вид лягушки. Маленькое животное живёт под мхом "
        "у горных ручьёв.",
        "Хозяева выиграли финал благодаря позднему голу молодого нападающего. Тысячи болельщиков "
        "праздновали на улицах до самого утра.",
    ],
    "ukrainian": [
        "Міська рада у вівторок після тривалих дебатів ухвалила новий бюджет. За словами "
        "депутатів, гроші підуть на нові автобуси та ремонт старих мостів.",
        "Сильна злива вночі затопила кілька вулиць у центрі міста. Рятувальники відкачували воду "
        "з десятків підвалів, ніхто не постраждав.",
        "Компанія повідомила про різке зростання прибутку в третьому кварталі. Її акції на "
        "початку торгів подорожчали на вісім відсотків.",
        "Науковці виявили в горах Перу новий вид жаби. Маленька тварина живе під мохом біля "
        "гірських струмків.",
    ],
    "greek": [
        "Το δημοτικό συμβούλιο ενέκρινε την Τρίτη τον νέο προϋπολογισμό μετά από μακρά συζήτηση. "
        "Τα χρήματα θα διατεθούν για νέα λεωφορεία και για την επισκευή παλιών γεφυρών.",
        "Ισχυρή βροχή πλημμύρισε τη νύχτα αρκετούς δρόμους στο κέντρο της πόλης. Οι πυροσβέστες "
        "άντλησαν νερό από δεκάδες υπόγεια και κανείς δεν τραυματίστηκε.",
        "Η εταιρεία ανακοίνωσε ισχυρή αύξηση των κερδών στο τρίτο τρίμηνο. Η μετοχή της "
        "ανέβηκε κατά οκτώ τοις εκατό στις πρώτες συναλλαγές.",
    ],
    "arabic": [
        "وافق المجلس البلدي يوم الثلاثاء على الميزانية الجديدة بعد نقاش طويل. وقال الأعضاء إن "
        "الأموال ستخصص لشراء حافلات جديدة وإصلاح الجسور القديمة.",
        "أغرقت أمطار غزيرة عدة شوارع في وسط المدينة خلال الليل. وضخ رجال الإطفاء المياه من "
        "عشرات الأقبية ولم يصب أحد بأذى.",
        "أعلنت الشركة عن ارتفاع كبير في أرباحها خلال الربع الثالث. وارتفع سهمها بنسبة ثمانية "
        "في المئة في بداية التداول.",
    ],
    "hebrew": [
        "מועצת העיר אישרה ביום שלישי את התקציב החדש לאחר דיון ארוך. לדברי חברי המועצה, הכסף "
        "ישמש לקניית אוטובוסים חדשים ולתיקון גשרים ישנים.",
        "גשם כבד הציף בלילה כמה רחובות במרכז העיר. הכבאים שאבו מים מעשרות מרתפים ואיש לא נפגע.",
        "החברה דיווחה על עלייה חדה ברווחים ברבעון השלישי. המניה עלתה בשמונה אחוזים בתחילת המסחר.",
    ],
    "chinese": [
        "市议会周二经过长时间辩论后通过了新预算。议员们表示，这笔资金将用于购买新公交车和维修旧桥。",
        "昨夜暴雨淹没了市中心的多条街道。消防员从数十个地下室抽水，没有人员受伤。",
        "该公司宣布第三季度利润大幅增长。其股价在早盘交易中上涨了百分之八。",
        "科学家在秘鲁山区发现了一种新的青蛙。这种小动物生活在山间溪流附近的苔藓下面。",
    ],
    "japanese": [
        "市議会は火曜日、長い議論の末に新しい予算を可決した。議員によると、資金は新しいバスの購入"
        "と古い橋の修理に使われる。",
        "昨夜の大雨で市の中心部の複数の道路が冠水した。消防隊は数十の地下室から水をくみ出したが、"
        "けが人はいなかった。",
        "同社は第3四半期に大幅な増益になったと発表した。株価は取引開始直後に8パーセント上昇した。",
        "研究者たちはペルーの山中で新種のカエルを発見した。この小さな動物は渓流のそばのコケの下で"
        "暮らしている。",
    ],
    "korean": [
        "시의회는 화요일 긴 논의 끝에 새 예산안을 통과시켰다. 의원들은 이 돈이 새 버스 구입과 "
        "낡은 다리 보수에 쓰일 것이라고 말했다.",
        "밤사이 내린 폭우로 도심의 여러 도로가 물에 잠겼다. 소방대원들은 수십 곳의 지하실에서 "
        "물을 퍼냈으며 다친 사람은 없었다.",
        "이 회사는 3분기 이익이 크게 늘었다고 발표했다. 주가는 장 초반 8퍼센트 올랐다.",
    ],
    "thai": [
        "สภาเมืองอนุมัติงบประมาณใหม่เมื่อวันอังคารหลังการอภิปรายที่ยาวนาน "
        "สมาชิกสภากล่าวว่าเงินจะถูกใช้ซื้อรถโดยสารใหม่และซ่อมสะพานเก่า",
        "ฝนตกหนักเมื่อคืนทำให้ถนนหลายสายในใจกลางเมืองถูกน้ำท่วม "
        "เจ้าหน้าที่ดับเพลิงสูบน้ำออกจากห้องใต้ดินหลายสิบแห่งและไม่มีผู้ได้รับบาดเจ็บ",
        "บริษัทประกาศว่ากำไรในไตรมาสที่สามเพิ่มขึ้นอย่างมาก ราคาหุ้นปรับตัวขึ้นร้อยละแปดในช่วงเช้า",
    ],
    "unknown": [
        # Vietnamese
        "Hội đồng thành phố đã thông qua ngân sách mới vào thứ Ba sau một cuộc tranh luận kéo "
        "dài. Theo các đại biểu, số tiền này sẽ được dùng để mua thêm xe buýt và sửa chữa những "
        "cây cầu cũ.",
        "Mưa lớn trong đêm đã làm ngập nhiều tuyến phố ở trung tâm thành phố. Lính cứu hỏa đã "
        "bơm nước ra khỏi hàng chục tầng hầm và không có ai bị thương.",
        # Turkish
        "Belediye meclisi salı günü uzun bir tartışmanın ardından yeni bütçeyi onayladı. "
        "Meclis üyelerine göre para yeni otobüslere ve eski köprülerin onarımına harcanacak.",
        "Şiddetli yağmur gece boyunca şehir merkezindeki birçok sokağı su altında bıraktı. "
        "İtfaiye ekipleri onlarca bodrumdan su tahliye etti ve kimse yaralanmadı.",
        # Indonesian
        "Dewan kota menyetujui anggaran baru pada hari Selasa setelah perdebatan panjang. "
        "Menurut para anggota dewan, uang itu akan digunakan untuk membeli bus baru dan "
        "memperbaiki jembatan yang sudah tua.",
        "Hujan deras semalam membanjiri beberapa jalan di pusat kota. Petugas pemadam kebakaran "
        "memompa air dari puluhan ruang bawah tanah dan tidak ada yang terluka.",
        # Hindi
        "नगर परिषद ने मंगलवार को लंबी बहस के बाद नया बजट पारित कर दिया। पार्षदों के अनुसार यह "
        "पैसा नई बसें खरीदने और पुराने पुलों की मरम्मत पर खर्च होगा।",
        # Persian
        "شورای شهر روز سه‌شنبه پس از بحثی طولانی بودجه جدید را تصویب کرد. به گفته اعضای شورا "
        "این پول برای خرید اتوبوس‌های تازه و تعمیر پل‌های قدیمی هزینه می‌شود.",
        # Bulgarian
        "Общинският съвет прие във вторник новия бюджет след дълъг дебат. Според съветниците "
        "парите ще бъдат използвани за нови автобуси и за ремонт на старите мостове в града, "
        "които от години чакат да бъдат обновени от общината.",
        # Serbian (Cyrillic)
        "Градско веће је у уторак после дуге расправе усвојило нови буџет. Према речима "
        "одборника, новац ће бити потрошен на нове аутобусе и поправку старих мостова.",
    ],
}

GERMAN_FEED_ARTICLES = [
    (
        "Stadtrat beschließt neues Busnetz",
        "Der Stadtrat hat am Dienstagabend nach einer langen und hitzigen Debatte ein neues "
        "Busnetz für die gesamte Innenstadt beschlossen. Ab dem 3. Oktober sollen die Busse auf "
        "den wichtigsten Linien alle zehn Minuten fahren, z. B. zwischen dem Hauptbahnhof und "
        "dem Klinikum.\n\n"
        "Die Kosten liegen nach Angaben der Verwaltung bei rund 12 Mio. Euro im Jahr. Finanziert "
        "werden sollen sie durch höhere Parkgebühren in der Innenstadt und durch Zuschüsse des "
        "Landes, die der Bürgermeister bereits beantragt hat.\n\n"
        "Die Opposition kritisierte den Plan als zu teuer. „Wir haben nichts gegen bessere Busse, "
        "aber die Rechnung zahlen am Ende die Pendler“, sagte ihr Fraktionschef Dr. Meier.\n\n"
        "Der Verkehrsverbund begrüßte die Entscheidung. Er rechnet damit, dass die Zahl der "
        "Fahrgäste in den ersten zwei Jahren um ca. 15 Prozent steigt.",
    ),
    (
        "Hochwasser: Pegel am Rhein sinkt langsam",
        "Nach den heftigen Regenfällen der vergangenen Woche sinkt der Pegel des Rheins nur "
        "langsam. Am Mittwochmorgen lag der Wasserstand in Köln bei knapp acht Metern, wie die "
        "Stadt mitteilte.\n\n"
        "Die Schifffahrt bleibt bis auf Weiteres eingestellt. Die Behörden rechnen damit, dass "
        "die Frachtschiffe frühestens am Wochenende wieder fahren dürfen.\n\n"
        "In mehreren Orten am Ufer standen Keller und Straßen unter Wasser. Die Feuerwehr war "
        "mit Hunderten Einsatzkräften unterwegs, verletzt wurde nach bisherigen Angaben "
        "niemand.\n\n"
        "Meteorologen erwarten für die kommenden Tage trockenes Wetter. Erst in der nächsten "
        "Woche könnte es im Süden wieder stärker regnen.",
    ),
]

FRENCH_FEED_ARTICLES = [
    (
        "Le conseil municipal adopte un nouveau réseau de bus",
        "Le conseil municipal a adopté mardi soir, après un long débat, un nouveau réseau de bus "
        "pour l'ensemble du centre-ville. À partir du mois d'octobre, les bus circuleront toutes "
        "les dix minutes sur les principales lignes, notamment entre la gare et l'hôpital.\n\n"
        "Selon la mairie, le coût annuel atteindra environ 12 millions d'euros. Il sera financé "
        "par une hausse des tarifs de stationnement et par des subventions de la région, que le "
        "maire a déjà demandées.\n\n"
        "L'opposition a jugé le projet trop coûteux. « Nous ne sommes pas contre de meilleurs "
        "bus, mais ce sont les usagers qui paieront la facture », a déclaré son chef de file, "
        "M. Dupont.\n\n"
        "La société de transport a salué la décision. Elle s'attend à une hausse de la "
        "fréquentation d'environ 15 % au cours des deux premières années.",
    ),
    (
        "Crue : le niveau de la Seine baisse lentement",
        "Après les fortes pluies de la semaine dernière, le niveau de la Seine ne baisse que "
        "lentement. Mercredi matin, la hauteur d'eau atteignait près de six mètres à Paris, "
        "selon la préfecture.\n\n"
        "La navigation reste interrompue jusqu'à nouvel ordre. Les autorités estiment que les "
        "péniches ne pourront pas reprendre leur route avant le week-end.\n\n"
        "Dans plusieurs communes riveraines, des caves et des rues ont été inondées. Les pompiers "
        "sont intervenus avec des centaines d'agents, et personne n'a été blessé selon un "
        "premier bilan.\n\n"
        "Les prévisionnistes attendent un temps sec pour les prochains jours. La pluie pourrait "
        "revenir dans le sud du pays la semaine prochaine.",
    ),
]

HELD_OUT: dict[str, list[str]] = {
    # Written after the guess was tuned on SAMPLES, and measured once: the honest figure.
    "english": [
        "Voters in the northern region will choose a new governor next month. Polls suggest a "
        "close race between the two main candidates.",
        "The museum reopened its doors after a two-year renovation. Visitors can now see the "
        "restored paintings in a new wing.",
        "A software update caused outages for thousands of users on Monday, the firm said in a "
        "statement.",
    ],
    "german": [
        "Die Wähler in der Region entscheiden im nächsten Monat über einen neuen Landrat. "
        "Umfragen deuten auf ein knappes Rennen hin.",
        "Das Museum hat nach zweijähriger Renovierung wieder geöffnet. Besucher können die "
        "restaurierten Gemälde nun in einem neuen Flügel sehen.",
        "Ein Software-Update hat am Montag bei Tausenden Nutzern zu Ausfällen geführt, teilte "
        "das Unternehmen mit.",
    ],
    "french": [
        "Les électeurs de la région choisiront le mois prochain un nouveau président du "
        "département. Les sondages annoncent une course serrée.",
        "Le musée a rouvert ses portes après deux ans de travaux. Les visiteurs peuvent "
        "désormais voir les tableaux restaurés dans une nouvelle aile.",
        "Une mise à jour du logiciel a provoqué des pannes chez des milliers d'utilisateurs "
        "lundi, a indiqué l'entreprise dans un communiqué.",
    ],
    "spanish": [
        "Los votantes de la región elegirán el mes que viene a un nuevo gobernador. Las "
        "encuestas apuntan a una carrera muy reñida.",
        "El museo reabrió sus puertas tras dos años de obras. Los visitantes ya pueden ver los "
        "cuadros restaurados en una nueva sala.",
        "Una actualización del programa provocó fallos a miles de usuarios el lunes, según "
        "informó la empresa en un comunicado.",
    ],
    "portuguese": [
        "Os eleitores da região vão escolher no mês que vem um novo governador. As pesquisas "
        "indicam uma disputa acirrada entre os dois candidatos.",
        "O museu reabriu as portas depois de dois anos de obras. Os visitantes já podem ver as "
        "pinturas restauradas em uma nova ala.",
        "Uma atualização do programa causou falhas para milhares de usuários na segunda-feira, "
        "informou a empresa em nota.",
    ],
    "italian": [
        "Gli elettori della regione sceglieranno il mese prossimo un nuovo presidente. I "
        "sondaggi indicano una corsa molto combattuta.",
        "Il museo ha riaperto le porte dopo due anni di lavori. I visitatori possono ora "
        "vedere i dipinti restaurati in una nuova ala.",
        "Un aggiornamento del software ha causato disservizi a migliaia di utenti lunedì, ha "
        "fatto sapere l'azienda in una nota.",
    ],
    "dutch": [
        "De kiezers in de regio kiezen volgende maand een nieuwe gouverneur. Peilingen wijzen "
        "op een nek-aan-nekrace tussen de twee kandidaten.",
        "Het museum is na twee jaar verbouwing weer open. Bezoekers kunnen de gerestaureerde "
        "schilderijen nu in een nieuwe vleugel bekijken.",
        "Een software-update zorgde maandag voor storingen bij duizenden gebruikers, meldde "
        "het bedrijf in een verklaring.",
    ],
    "czech": [
        "Voliči v kraji si příští měsíc zvolí nového hejtmana. Průzkumy ukazují na vyrovnaný "
        "souboj dvou hlavních kandidátů.",
        "Muzeum po dvouleté rekonstrukci znovu otevřelo. Návštěvníci teď mohou vidět "
        "restaurované obrazy v novém křídle.",
        "Aktualizace softwaru způsobila v pondělí výpadky tisícům uživatelů, uvedla firma v "
        "prohlášení.",
    ],
    "slovak": [
        "Voliči v kraji si budúci mesiac zvolia nového župana. Prieskumy ukazujú na vyrovnaný "
        "súboj dvoch hlavných kandidátov.",
        "Múzeum sa po dvojročnej rekonštrukcii opäť otvorilo. Návštevníci si teraz môžu pozrieť "
        "reštaurované obrazy v novom krídle.",
        "Aktualizácia softvéru spôsobila v pondelok výpadky tisíckam používateľov, uviedla "
        "firma vo vyhlásení.",
    ],
    "polish": [
        "Wyborcy w regionie wybiorą w przyszłym miesiącu nowego marszałka. Sondaże wskazują na "
        "wyrównany pojedynek dwóch głównych kandydatów.",
        "Muzeum zostało ponownie otwarte po dwuletnim remoncie. Zwiedzający mogą teraz obejrzeć "
        "odnowione obrazy w nowym skrzydle.",
        "Aktualizacja oprogramowania spowodowała w poniedziałek awarie u tysięcy użytkowników, "
        "poinformowała firma w komunikacie.",
    ],
    "swedish": [
        "Väljarna i regionen ska nästa månad välja en ny landshövding. Opinionsmätningar tyder "
        "på ett jämnt lopp mellan de två kandidaterna.",
        "Museet har öppnat igen efter två års renovering. Besökarna kan nu se de restaurerade "
        "målningarna i en ny flygel.",
        "En programuppdatering orsakade på måndagen avbrott för tusentals användare, meddelade "
        "företaget i ett pressmeddelande.",
    ],
    "danish": [
        "Vælgerne i regionen skal næste måned vælge en ny borgmester. Meningsmålingerne tyder "
        "på et tæt løb mellem de to kandidater.",
        "Museet har åbnet igen efter to års renovering. De besøgende kan nu se de restaurerede "
        "malerier i en ny fløj.",
        "En softwareopdatering gav mandag nedbrud for tusindvis af brugere, oplyser "
        "virksomheden i en meddelelse.",
    ],
    "norwegian": [
        "Velgerne i regionen skal neste måned velge en ny ordfører. Meningsmålingene tyder på "
        "et jevnt løp mellom de to kandidatene.",
        "Museet har åpnet igjen etter to års oppussing. De besøkende kan nå se de restaurerte "
        "maleriene i en ny fløy.",
        "En programvareoppdatering ga mandag brudd for tusenvis av brukere, opplyser selskapet "
        "i en melding.",
    ],
    "finnish": [
        "Alueen äänestäjät valitsevat ensi kuussa uuden maakuntajohtajan. Mielipidemittausten "
        "mukaan kisa on tiukka kahden ehdokkaan välillä.",
        "Museo avattiin uudelleen kahden vuoden remontin jälkeen. Kävijät voivat nyt nähdä "
        "entisöidyt maalaukset uudessa siivessä.",
        "Ohjelmistopäivitys aiheutti maanantaina katkoksia tuhansille käyttäjille, yhtiö "
        "kertoi tiedotteessa.",
    ],
    "hungarian": [
        "A régió választói jövő hónapban új megyei elnököt választanak. A felmérések szoros "
        "versenyt jeleznek a két jelölt között.",
        "A múzeum két év felújítás után újra megnyitotta kapuit. A látogatók most egy új "
        "szárnyban nézhetik meg a restaurált festményeket.",
        "Egy szoftverfrissítés hétfőn több ezer felhasználónál okozott kiesést, közölte a cég.",
    ],
    "romanian": [
        "Alegătorii din regiune vor alege luna viitoare un nou președinte al consiliului. "
        "Sondajele arată o cursă strânsă între cei doi candidați.",
        "Muzeul și-a redeschis porțile după doi ani de renovare. Vizitatorii pot vedea acum "
        "picturile restaurate într-o aripă nouă.",
        "O actualizare a programului a provocat luni întreruperi pentru mii de utilizatori, a "
        "anunțat compania într-un comunicat.",
    ],
    "russian": [
        "Избиратели региона в следующем месяце выберут нового губернатора. Опросы говорят о "
        "напряжённой борьбе двух кандидатов.",
        "Музей снова открылся после двухлетней реставрации. Посетители теперь могут увидеть "
        "отреставрированные картины в новом крыле.",
        "Обновление программы в понедельник вызвало сбои у тысяч пользователей, сообщила компания.",
    ],
    "ukrainian": [
        "Виборці регіону наступного місяця оберуть нового голову. Опитування свідчать про "
        "напружену боротьбу двох кандидатів.",
        "Музей знову відкрився після дворічної реставрації. Відвідувачі тепер можуть побачити "
        "відновлені картини в новому крилі.",
    ],
    "greek": [
        "Οι ψηφοφόροι της περιφέρειας θα εκλέξουν τον επόμενο μήνα νέο περιφερειάρχη. Οι "
        "δημοσκοπήσεις δείχνουν αμφίρροπη μάχη.",
        "Το μουσείο άνοιξε ξανά μετά από δύο χρόνια ανακαίνισης.",
    ],
    "arabic": [
        "سيختار الناخبون في المنطقة الشهر المقبل حاكما جديدا. وتشير الاستطلاعات إلى سباق متقارب.",
        "أعاد المتحف فتح أبوابه بعد عامين من الترميم.",
    ],
    "hebrew": [
        "הבוחרים באזור יבחרו בחודש הבא מושל חדש. הסקרים מצביעים על מרוץ צמוד.",
        "המוזיאון נפתח מחדש לאחר שנתיים של שיפוצים.",
    ],
    "chinese": [
        "该地区的选民将于下个月选出新的州长。民调显示两名候选人之间的竞争十分激烈。",
        "博物馆在经过两年的翻修后重新开放。",
    ],
    "japanese": [
        "地域の有権者は来月、新しい知事を選ぶ。世論調査では二人の候補が接戦となっている。",
        "美術館は2年間の改修を経て再開した。",
    ],
    "korean": [
        "이 지역 유권자들은 다음 달 새 지사를 뽑는다. 여론조사에서는 두 후보가 접전을 벌이고 있다.",
        "박물관은 2년간의 보수 공사를 마치고 다시 문을 열었다.",
    ],
    "thai": [
        "ผู้มีสิทธิเลือกตั้งในภูมิภาคจะเลือกผู้ว่าการคนใหม่ในเดือนหน้า ผลสำรวจชี้ว่าการแข่งขันสูสี",
        "พิพิธภัณฑ์เปิดให้เข้าชมอีกครั้งหลังการปรับปรุงสองปี",
    ],
    "unknown": [
        # Vietnamese, Turkish, Indonesian, Hindi, Persian, Bulgarian
        "Cử tri trong vùng sẽ bầu thống đốc mới vào tháng tới. Các cuộc thăm dò cho thấy cuộc "
        "đua giữa hai ứng viên rất sít sao.",
        "Bölgedeki seçmenler gelecek ay yeni bir vali seçecek. Anketler iki aday arasında "
        "çekişmeli bir yarışa işaret ediyor.",
        "Para pemilih di wilayah itu akan memilih gubernur baru bulan depan. Jajak pendapat "
        "menunjukkan persaingan yang ketat antara kedua kandidat tersebut.",
        "क्षेत्र के मतदाता अगले महीने नए राज्यपाल का चुनाव करेंगे। सर्वेक्षणों में कड़ा मुकाबला दिख रहा है।",
        "رأی‌دهندگان منطقه ماه آینده فرماندار تازه‌ای انتخاب می‌کنند. نظرسنجی‌ها از رقابتی "
        "نزدیک خبر می‌دهند.",
        "Избирателите в региона ще изберат нов губернатор следващия месец. Проучванията "
        "показват оспорвана надпревара между двамата кандидати, които се борят за поста.",
    ],
}
