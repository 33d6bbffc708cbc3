package dev.newsdesk.load;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Hand-written word lists for the synthetic corpus: English function words (PostgreSQL's {@code
 * english} configuration drops most of them), common news vocabulary roughly in order of frequency,
 * and name parts for people, organisations and places. Written for this tool, not taken from any
 * corpus.
 */
final class WordLists {

  private WordLists() {}

  /** Function words, most frequent first; about two in five tokens of news prose. */
  static final List<String> FUNCTION =
      words(
          """
          the of and to a in that is for on with was as by at from he it his said be are have has
          had an not but they which or their its were will been this who would after also more
          about than when over into new two one up out there other first all can could she her
          some only before while we our them what against under because between where three
          during most since very both so these those being any each then through until do did
          if may just should no now such off down own same here again further once why how
          """);

  /** Common news vocabulary, roughly most frequent first. */
  static final List<String> CONTENT =
      words(
          """
          government year people president minister country police time state court week percent
          million market company party public national report day world city economy election news
          official group bank members health security years law last former billion price team
          support plan service local policy international region children including months water
          power right work families business prices trade forces military war peace talks deal
          leaders leader cabinet parliament vote voters campaign opposition ruling budget tax debt
          growth inflation rate rates interest central financial investors shares stock oil gas
          energy fuel electricity climate weather rain flood floods drought farmers food crops
          harvest school schools students teachers university education hospital hospitals doctors
          patients disease vaccine outbreak cases deaths killed injured attack attacks victims
          soldiers army troops border refugees migrants aid humanitarian crisis conflict protest
          protests demonstrators rights freedom media journalists press statement spokesman
          spokeswoman interview television radio online internet social technology digital data
          phone mobile network project projects construction road roads bridge railway airport port
          transport traffic accident crash fire emergency rescue investigation arrested suspects
          charged trial judge prosecutors sentence prison corruption fraud scandal allegations
          evidence agreement contract partnership investment funds funding loan loans grant exports
          imports tariffs currency dollar euro exchange revenue profit losses jobs unemployment
          workers union strike wages salaries pension housing rent land property development
          infrastructure industry manufacturing mining gold cocoa coffee agriculture fishing tourism
          tourists hotel sports football match league cup coach players goal goals season
          championship tournament victory defeat win fans stadium club clubs transfer athletes
          olympic music film festival artist culture church religious community communities village
          villages district province capital residents citizens population census survey poll
          analysts experts study research science scientists space environment forest wildlife
          pollution waste plastic ocean sea coast island river lake mountain heat temperature storm
          earthquake cyclone summer winter morning evening night monday tuesday wednesday thursday
          friday saturday sunday january february march april june july august september october
          november december announced according added told says expected reported confirmed warned
          called urged continued described noted explained insisted denied agreed rejected approved
          launched signed increased decreased rose fell dropped reached recorded remained became
          received provided allowed needed hoped planned promised began ended opened closed moved
          returned visited met held joined left led won lost paid sold bought built raised cut set
          major key senior chief general high low long short large small big early late recent
          current future previous next final full free open private foreign domestic economic
          political legal military medical civil federal regional global african european asian
          american british french chinese russian western eastern northern southern rural urban
          independent official administration authority authorities agency ministry department
          committee council commission board office secretary director chairman spokesperson
          governor mayor senator lawmakers legislators representatives delegation ambassador
          diplomats summit conference meeting session sitting debate bill act decree regulation
          rules reform reforms measures measure programme program initiative scheme strategy
          framework policy policies sanctions embargo ceasefire negotiations dialogue mediation
          coalition alliance partners allies neighbours neighbors relations cooperation
          integration bloc union membership treaty accord protocol resolution declaration
          constitution referendum ballot polls results turnout candidate candidates nominee
          primary runoff incumbent challenger supporters critics activists civil society groups
          organisation organization association federation movement network foundation charity
          volunteers donors sponsors shareholders customers consumers clients users subscribers
          viewers readers audience listeners visitors passengers drivers pilots crew staff
          employees officers officials personnel agents inspectors auditors regulators watchdog
          ombudsman commissioner auditor treasurer accountant economist banker trader broker
          lawyer attorney solicitor barrister magistrate jury witness defendant plaintiff
          appeal ruling verdict judgment acquittal conviction bail custody detention release
          warrant raid operation crackdown patrol checkpoint curfew lockdown restrictions ban
          permit licence license registration certificate passport visa citizenship immigration
          deportation asylum camp camps shelter shelters tents blankets medicines supplies
          equipment vehicles trucks buses cars motorbikes boats ships vessels aircraft planes
          helicopters drones weapons arms ammunition explosives bomb bombs missile missiles rocket
          rockets shelling airstrike airstrikes gunmen militants rebels insurgents fighters
          jihadists kidnapping kidnapped hostages abduction robbery theft burglary smuggling
          trafficking drugs cocaine cannabis seizure seized confiscated destroyed damaged collapsed
          burned flooded submerged displaced evacuated stranded missing dead wounded survivors
          casualties toll bodies funeral burial mourning tribute memorial anniversary celebration
          ceremony parade holiday feast christmas easter ramadan independence republic kingdom
          monarchy king queen prince princess chief chiefs elders youth women girls boys men
          mothers fathers parents babies infants pupils graduates apprentices trainees recruits
          veterans pensioners retirees farmers fishermen traders vendors hawkers miners nurses
          midwives pharmacists surgeons physicians researchers engineers architects designers
          developers programmers entrepreneurs startups firms companies corporations conglomerate
          subsidiary brand brands products goods services sales orders deliveries shipments cargo
          containers warehouse factory factories plant plants refinery pipeline pipelines grid
          outage outages blackout shortage shortages surplus deficit arrears subsidy subsidies
          levy levies duties fees charges fines penalties compensation damages refund refunds
          bonus dividend dividends earnings income expenditure spending savings deposits
          withdrawals transfers remittances payments transactions accounts wallets cards cash
          coins notes bonds treasury securities yields auction rating ratings downgrade upgrade
          outlook forecast projections estimates figures statistics indicators index indices
          benchmark average median total share stake acquisition merger takeover bid offer
          listing exchange trading session gains rally slump crash correction volatility risk
          risks threat threats warning warnings alert alerts advisory guidance recommendation
          review audit inquiry probe hearing testimony evidence documents records files emails
          messages letters petition complaint complaints grievances demands concerns fears hopes
          expectations challenges problems issues questions answers solutions options choices
          decisions changes improvements progress success failure delay delays setback setbacks
          breakthrough milestone record records highest lowest biggest largest smallest fastest
          slowest strongest weakest oldest youngest latest earliest annual monthly weekly daily
          quarterly yearly historic unprecedented significant critical serious severe urgent
          immediate temporary permanent partial complete total gradual sharp steady stable
          volatile uncertain likely unlikely possible impossible necessary important essential
          """);

  /** Given names for people, mixed regions. */
  static final List<String> GIVEN_NAMES =
      words(
          """
          Kwame Kofi Ama Akosua Yaw Abena Kwabena Efua Kojo Adwoa Chinedu Ngozi Emeka Amaka Tunde
          Funmilayo Bola Aisha Ibrahim Fatima Musa Halima Abdoulaye Aminata Moussa Mariama Ousmane
          Awa Mamadou Fatou John Mary James Sarah Peter Grace David Ruth Michael Esther Samuel
          Joyce Daniel Rebecca Joseph Hannah Paul Elizabeth Thomas Margaret George Alice William
          Catherine Robert Anne Charles Victoria Henry Sophie Emmanuel Patience Isaac Comfort
          Vladimir Olga Sergei Anna Dmitri Elena Xi Li Wei Mei Chen Jun Hiroshi Yuki Kenji Aiko
          Ravi Priya Arjun Anjali Carlos Maria Jose Ana Luis Sofia Pierre Claire Jean Marie Hans
          Greta Klaus Ingrid Ahmed Leila Omar Yasmin Hassan Zainab Xanana Jose
          """);

  /** Family names for people, mixed regions. */
  static final List<String> FAMILY_NAMES =
      words(
          """
          Mensah Asante Owusu Boateng Osei Addo Amoah Agyeman Darko Appiah Okafor Adeyemi Okonkwo
          Balogun Eze Bello Abubakar Mohammed Diallo Ndiaye Sow Fall Traore Keita Toure Coulibaly
          Sarr Ba Kamara Smith Johnson Brown Taylor Wilson Davies Evans Thomas Roberts Walker
          Wright Green Hall Wood Clarke Hughes Edwards Turner Martin Bernard Dubois Moreau Laurent
          Muller Schmidt Schneider Fischer Weber Wagner Becker Ivanov Petrov Smirnov Volkov Wang
          Zhang Liu Yang Huang Zhao Tanaka Suzuki Sato Watanabe Sharma Patel Singh Kumar Gupta Garcia
          Rodriguez Martinez Lopez Gonzalez Silva Santos Pereira Costa Ferreira Haddad Khalil
          Mansour Nasser Farouk Ramos Horta Gusmao Alkatiri Kagame Museveni Ruto Odinga Kenyatta
          Ramaphosa Mahama Akufo Bawumia Tinubu Obasanjo Buhari Sall Faye Sonko Ouattara Goita
          Tiani Traore Deby Tshisekedi Kabila Lourenco
          """);

  /** Real place names used as locations. */
  static final List<String> PLACES =
      words(
          """
          Ghana Nigeria Senegal Mali Niger Chad Cameroon Kenya Uganda Tanzania Rwanda Ethiopia
          Somalia Sudan Egypt Libya Tunisia Algeria Morocco Angola Zambia Zimbabwe Mozambique
          Namibia Botswana Malawi Madagascar Liberia Guinea Togo Benin Gabon Congo France Germany
          Britain Spain Italy Portugal Russia Ukraine Poland China Japan India Pakistan Indonesia
          Australia Brazil Argentina Mexico Canada Turkey Iran Iraq Syria Israel Lebanon Jordan
          Qatar Accra Kumasi Tamale Takoradi Lagos Abuja Kano Ibadan Dakar Bamako Niamey Ouagadougou
          Abidjan Lome Cotonou Nairobi Mombasa Kampala Kigali Addis Cairo Tunis Algiers Rabat
          Johannesburg Pretoria London Paris Berlin Madrid Rome Lisbon Moscow Kyiv Beijing Tokyo
          Delhi Jakarta Dili Sydney Washington Brussels Geneva Vienna Doha Dubai Istanbul
          """);

  /** Words that make organisation names. */
  static final List<String> ORG_HEADS =
      words(
          """
          Ministry Bank Commission Authority Council Party Union Association Federation Company
          Corporation Group Holdings Institute Agency Service Board Assembly Court Foundation
          """);

  static final List<String> ORG_TOPICS =
      words(
          """
          Finance Energy Health Education Transport Trade Agriculture Mining Water Power
          Electoral Revenue Petroleum Cocoa Ports Railways Telecom Tourism Football Media Youth
          Women Justice Interior Defence Security Development Industry Commerce Labour
          """);

  /** Story-list headings as sites show them, with their kind. */
  static final List<String[]> LIST_HEADINGS =
      List.of(
          new String[] {"Latest Stories", "latest"},
          new String[] {"Latest News", "latest"},
          new String[] {"Related Stories", "related"},
          new String[] {"You may also like", "related"},
          new String[] {"Most Read", "most-read"},
          new String[] {"Most Popular", "most-read"},
          new String[] {"Trending", "trending"},
          new String[] {"Editor's Picks", "other"});

  static final List<String> SECTIONS =
      List.of(
          "News",
          "Politics",
          "Business",
          "Sports",
          "Entertainment",
          "Health",
          "Technology",
          "World",
          "Africa",
          "Opinion",
          "Lifestyle",
          "Science");

  private static List<String> words(String text) {
    Set<String> unique = new LinkedHashSet<>(List.of(text.strip().split("\\s+")));
    return List.copyOf(unique);
  }
}
