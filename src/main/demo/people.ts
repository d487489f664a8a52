import { pinyin } from 'pinyin-pro'
import type { Rng } from './prng'

/**
 * Fictional customers: names, native-script names, addresses and phone numbers by culture.
 * Phone numbers only where a range is reserved for fiction (US 555-01xx, UK 07700 900xxx,
 * FR 06 39 98, DE 030 23125, AU 0491 570); elsewhere the optional phone is left out.
 */

export type Sex = 'F' | 'M'

export interface PersonName {
  firstName: string
  lastName: string
  nativeName?: string
}

export interface Address {
  line1: string
  city: string
  region?: string
  postalCode?: string
  country: string
}

export interface Culture {
  key: string
  /** ICAO nationality / issuing-state code (D for Germany). */
  nationality: string
  /** ISO 3166-1 alpha-2 of the home country. */
  country: string
  locale: string
  name(rng: Rng, sex: Sex): PersonName
  address(rng: Rng): Address
  phone?: (rng: Rng) => string
  /** A passport number in the country's usual shape (≤ 9 MRZ characters). */
  passportNumber(rng: Rng): string
}

type Pair = readonly [native: string, latin: string]

/** `YI-CHUN` → `Yi-Chun`: customers type names in mixed case. */
function titleCase(text: string): string {
  return text.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (_, sep: string, ch: string) => sep + ch.toUpperCase())
}

function latinCulture(opts: {
  key: string
  nationality: string
  country: string
  locale: string
  female: readonly string[]
  male: readonly string[]
  surnames: readonly (string | readonly [string, string])[]
  /** Spanish-style two surnames. */
  doubleSurname?: boolean
  cities: readonly (readonly [city: string, postal: string, region?: string])[]
  streets: readonly string[]
  streetFirst?: boolean
  phone?: (rng: Rng) => string
  passportNumber: (rng: Rng) => string
}): Culture {
  const surname = (rng: Rng, sex: Sex): string => {
    const s = rng.pick(opts.surnames)
    return typeof s === 'string' ? s : sex === 'F' ? s[1] : s[0]
  }
  return {
    key: opts.key,
    nationality: opts.nationality,
    country: opts.country,
    locale: opts.locale,
    name(rng, sex) {
      const firstName = rng.pick(sex === 'F' ? opts.female : opts.male)
      let lastName = surname(rng, sex)
      if (opts.doubleSurname) {
        let second = surname(rng, sex)
        while (second === lastName) second = surname(rng, sex)
        lastName = `${lastName} ${second}`
      }
      return { firstName, lastName }
    },
    address(rng) {
      const [city, postal, region] = rng.pick(opts.cities)
      const street = rng.pick(opts.streets)
      const no = String(rng.int(1, 180))
      const postalCode = postal.replace(/#/g, () => String(rng.int(0, 9)))
      return {
        line1: opts.streetFirst === false ? `${no} ${street}` : `${street} ${no}`,
        city,
        ...(region ? { region } : {}),
        postalCode,
        country: opts.country,
      }
    },
    ...(opts.phone ? { phone: opts.phone } : {}),
    passportNumber: opts.passportNumber,
  }
}

function hanCulture(opts: {
  key: string
  nationality: string
  country: string
  locale: string
  surnames: readonly Pair[]
  female: readonly Pair[]
  male: readonly Pair[]
  /** Japanese and Russian write family name first with a space; Chinese without. */
  separator: string
  /** Russian surnames take -а for women (Иванов → Иванова, IVANOV → IVANOVA). */
  feminineSurname?: boolean
  cities: readonly (readonly [city: string, postal: string, region?: string])[]
  streets: readonly string[]
  passportNumber: (rng: Rng) => string
}): Culture {
  return {
    key: opts.key,
    nationality: opts.nationality,
    country: opts.country,
    locale: opts.locale,
    name(rng, sex) {
      let [nativeLast, latinLast] = rng.pick(opts.surnames)
      if (opts.feminineSurname && sex === 'F') [nativeLast, latinLast] = [`${nativeLast}а`, `${latinLast}A`]
      const [nativeFirst, latinFirst] = rng.pick(sex === 'F' ? opts.female : opts.male)
      return { firstName: titleCase(latinFirst), lastName: titleCase(latinLast), nativeName: `${nativeLast}${opts.separator}${nativeFirst}` }
    },
    address(rng) {
      const [city, postal, region] = rng.pick(opts.cities)
      return {
        line1: `${rng.pick(opts.streets)} ${rng.int(1, 300)}`,
        city,
        ...(region ? { region } : {}),
        postalCode: postal.replace(/#/g, () => String(rng.int(0, 9))),
        country: opts.country,
      }
    },
    passportNumber: opts.passportNumber,
  }
}

/** Mainland Chinese names: Han characters, romanised with Hanyu Pinyin as on PRC passports. */
const CHN_SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '林', '高', '罗', '郑']
const CHN_FEMALE = ['秀英', '丽娟', '静', '婷婷', '雪梅', '晓燕', '佳怡', '欣怡', '梦琪', '海燕', '文静', '思雨']
const CHN_MALE = ['伟', '强', '磊', '军', '洋', '勇', '杰', '涛', '浩然', '子轩', '建国', '志明']

function pinyinWord(han: string, surname: boolean): string {
  const syllables = pinyin(han, { toneType: 'none', type: 'array', ...(surname ? { surname: 'head' as const } : {}) })
  const word = syllables.join('')
  return word.charAt(0).toUpperCase() + word.slice(1)
}

const chinese: Culture = {
  key: 'CHN',
  nationality: 'CHN',
  country: 'CN',
  locale: 'zh-CN',
  name(rng, sex) {
    const last = rng.pick(CHN_SURNAMES)
    const first = rng.pick(sex === 'F' ? CHN_FEMALE : CHN_MALE)
    return { lastName: pinyinWord(last, true), firstName: pinyinWord(first, false), nativeName: `${last}${first}` }
  },
  address(rng) {
    const [city, postal, street] = rng.pick([
      ['Shanghai', '2000##', 'Nanjing Road'],
      ['Beijing', '1000##', 'Jianguomen Avenue'],
      ['Shenzhen', '5180##', 'Shennan Boulevard'],
      ['Hangzhou', '3100##', 'Wensan Road'],
      ['Chengdu', '6100##', 'Renmin South Road'],
    ] as const)
    return {
      line1: `${rng.int(1, 999)} ${street}, Apt ${rng.int(2, 30)}${String(rng.int(1, 8)).padStart(2, '0')}`,
      city,
      postalCode: postal.replace(/#/g, () => String(rng.int(0, 9))),
      country: 'CN',
    }
  },
  passportNumber: (rng) => `E${rng.digits(8)}`,
}

export const CULTURES: Record<string, Culture> = {
  CHN: chinese,
  TWN: hanCulture({
    key: 'TWN',
    nationality: 'TWN',
    country: 'TW',
    locale: 'zh-TW',
    separator: '',
    // Taiwanese passports use Wade–Giles-style spellings with hyphenated given names.
    surnames: [['陳', 'CHEN'], ['林', 'LIN'], ['黃', 'HUANG'], ['張', 'CHANG'], ['李', 'LEE'], ['王', 'WANG'], ['吳', 'WU'], ['劉', 'LIU'], ['蔡', 'TSAI'], ['楊', 'YANG']],
    female: [['怡君', 'YI-CHUN'], ['雅婷', 'YA-TING'], ['淑芬', 'SHU-FEN'], ['美華', 'MEI-HUA'], ['佳穎', 'CHIA-YING']],
    male: [['志明', 'CHIH-MING'], ['家豪', 'CHIA-HAO'], ['冠宇', 'KUAN-YU'], ['建宏', 'CHIEN-HUNG'], ['俊傑', 'CHUN-CHIEH']],
    cities: [['Taipei', '1##', 'Taipei City'], ['Taichung', '4##', 'Taichung City'], ['Kaohsiung', '8##', 'Kaohsiung City']],
    streets: ['Zhongxiao East Road Sec. 4', 'Xinyi Road Sec. 5', 'Minsheng Road', 'Zhongshan North Road Sec. 2'],
    passportNumber: (rng) => rng.digits(9),
  }),
  JPN: hanCulture({
    key: 'JPN',
    nationality: 'JPN',
    country: 'JP',
    locale: 'ja-JP',
    separator: ' ',
    surnames: [['佐藤', 'SATO'], ['鈴木', 'SUZUKI'], ['高橋', 'TAKAHASHI'], ['田中', 'TANAKA'], ['伊藤', 'ITO'], ['渡辺', 'WATANABE'], ['山本', 'YAMAMOTO'], ['中村', 'NAKAMURA']],
    female: [['陽子', 'YOKO'], ['美咲', 'MISAKI'], ['さくら', 'SAKURA'], ['結衣', 'YUI'], ['由美', 'YUMI']],
    male: [['健太', 'KENTA'], ['大輔', 'DAISUKE'], ['翔太', 'SHOTA'], ['拓也', 'TAKUYA'], ['誠', 'MAKOTO']],
    cities: [['Tokyo', '1##-####', 'Tokyo'], ['Osaka', '5##-####', 'Osaka'], ['Yokohama', '2##-####', 'Kanagawa']],
    streets: ['Shibuya 2-chome', 'Umeda 1-chome', 'Minatomirai 3-chome', 'Nishi-Shinjuku 6-chome'],
    passportNumber: (rng) => `T${rng.pick(['R', 'K', 'S'])}${rng.digits(7)}`,
  }),
  RUS: hanCulture({
    key: 'RUS',
    nationality: 'RUS',
    country: 'RU',
    locale: 'ru-RU',
    separator: ' ',
    feminineSurname: true,
    surnames: [['Иванов', 'IVANOV'], ['Смирнов', 'SMIRNOV'], ['Кузнецов', 'KUZNETSOV'], ['Попов', 'POPOV'], ['Соколов', 'SOKOLOV'], ['Лебедев', 'LEBEDEV'], ['Новиков', 'NOVIKOV']],
    female: [['Анна', 'ANNA'], ['Елена', 'ELENA'], ['Ольга', 'OLGA'], ['Наталья', 'NATALIA'], ['Татьяна', 'TATIANA'], ['Мария', 'MARIIA']],
    male: [['Алексей', 'ALEKSEI'], ['Дмитрий', 'DMITRII'], ['Сергей', 'SERGEI'], ['Андрей', 'ANDREI'], ['Иван', 'IVAN'], ['Михаил', 'MIKHAIL']],
    cities: [['Moscow', '10####'], ['Saint Petersburg', '19####'], ['Kazan', '420###']],
    streets: ['ul. Tverskaya', 'Nevsky prospekt', 'ul. Baumana', 'ul. Lenina'],
    passportNumber: (rng) => `7${rng.digits(8)}`,
  }),
  DEU: latinCulture({
    key: 'DEU',
    nationality: 'D',
    country: 'DE',
    locale: 'de-DE',
    female: ['Anna', 'Lena', 'Katharina', 'Julia', 'Sophie', 'Jana', 'Bärbel'],
    male: ['Lukas', 'Jonas', 'Maximilian', 'Felix', 'Jürgen', 'Tobias', 'Matthias'],
    surnames: ['Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schäfer', 'Koch', 'Köhler', 'Groß'],
    cities: [['Berlin', '10###'], ['München', '80###'], ['Hamburg', '20###'], ['Köln', '50###']],
    streets: ['Hauptstraße', 'Schillerstraße', 'Gartenweg', 'Bahnhofstraße', 'Lindenallee'],
    phone: (rng) => `+49 30 23125 ${rng.digits(3)}`,
    // German passports: 9 characters from a reduced alphabet (no vowels, no B D Q S).
    passportNumber: (rng) => `C${rng.letters(8, 'CFGHJKLMNPRTVWXYZ0123456789')}`,
  }),
  FRA: latinCulture({
    key: 'FRA',
    nationality: 'FRA',
    country: 'FR',
    locale: 'fr-FR',
    female: ['Camille', 'Léa', 'Manon', 'Chloé', 'Inès', 'Élodie', 'Marie-Claire'],
    male: ['Hugo', 'Louis', 'Théo', 'Mathis', 'Jérôme', 'Jean-Luc', 'Noël'],
    surnames: ['Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Lefèvre', 'Moreau'],
    cities: [['Paris', '750##'], ['Lyon', '6900#'], ['Marseille', '130##'], ['Toulouse', '310##']],
    streets: ['rue de la République', 'avenue Jean Jaurès', 'rue Victor Hugo', 'boulevard Voltaire'],
    streetFirst: false,
    phone: (rng) => `+33 6 39 98 ${rng.digits(2)} ${rng.digits(2)}`,
    passportNumber: (rng) => `${rng.digits(2)}${rng.letters(2)}${rng.digits(5)}`,
  }),
  ESP: latinCulture({
    key: 'ESP',
    nationality: 'ESP',
    country: 'ES',
    locale: 'es-ES',
    female: ['María José', 'Lucía', 'Carmen', 'Paula', 'Nuria', 'Ainhoa'],
    male: ['José Luis', 'Javier', 'Alejandro', 'Pablo', 'Íñigo', 'Sergio'],
    surnames: ['García', 'Fernández', 'González', 'Rodríguez', 'López', 'Martínez', 'Sánchez', 'Pérez', 'Muñoz'],
    doubleSurname: true,
    cities: [['Madrid', '280##'], ['Barcelona', '080##'], ['Valencia', '460##'], ['Sevilla', '410##']],
    streets: ['Calle Mayor', 'Calle de Alcalá', 'Avenida de la Constitución', 'Calle Serrano'],
    passportNumber: (rng) => `${rng.letters(3)}${rng.digits(6)}`,
  }),
  BRA: latinCulture({
    key: 'BRA',
    nationality: 'BRA',
    country: 'BR',
    locale: 'pt-BR',
    female: ['Ana Clara', 'Juliana', 'Fernanda', 'Beatriz', 'Larissa', 'Luíza'],
    male: ['João Pedro', 'Lucas', 'Gabriel', 'Rafael', 'Thiago', 'Caio'],
    surnames: ['da Silva', 'dos Santos', 'Oliveira', 'Souza', 'Pereira', 'Costa', 'Rodrigues', 'Almeida'],
    cities: [['São Paulo', '0####-###', 'SP'], ['Rio de Janeiro', '2####-###', 'RJ'], ['Belo Horizonte', '3####-###', 'MG']],
    streets: ['Rua Augusta', 'Avenida Paulista', 'Rua das Flores', 'Avenida Atlântica'],
    passportNumber: (rng) => `${rng.letters(2)}${rng.digits(6)}`,
  }),
  GBR: latinCulture({
    key: 'GBR',
    nationality: 'GBR',
    country: 'GB',
    locale: 'en-GB',
    female: ['Olivia', 'Emily', 'Charlotte', 'Sophie', 'Amelia', 'Siobhan'],
    male: ['Oliver', 'Harry', 'George', 'James', 'William', 'Callum'],
    surnames: ['Smith', 'Jones', 'Taylor', 'Brown', 'Williams', "O'Connor", 'Evans', 'Patel'],
    cities: [['London', 'SW1A #AA'], ['Manchester', 'M1 #AE'], ['Leeds', 'LS1 #BA']],
    streets: ['High Street', 'Station Road', 'Church Lane', 'Victoria Road'],
    streetFirst: false,
    phone: (rng) => `+44 7700 900${rng.digits(3)}`,
    passportNumber: (rng) => rng.digits(9),
  }),
  USA: latinCulture({
    key: 'USA',
    nationality: 'USA',
    country: 'US',
    locale: 'en-US',
    female: ['Emma', 'Ava', 'Madison', 'Abigail', 'Grace'],
    male: ['Liam', 'Noah', 'Ethan', 'Mason', 'Daniel'],
    surnames: ['Johnson', 'Miller', 'Davis', 'Garcia', 'Nguyen', 'Wilson', 'Anderson'],
    cities: [['Austin', '787##', 'TX'], ['Seattle', '981##', 'WA'], ['Chicago', '606##', 'IL']],
    streets: ['Maple Avenue', 'Oak Street', 'Pine Street', 'Lakeview Drive'],
    streetFirst: false,
    phone: (rng) => `+1 202-555-01${rng.digits(2)}`,
    passportNumber: (rng) => `5${rng.digits(8)}`,
  }),
  CZE: latinCulture({
    key: 'CZE',
    nationality: 'CZE',
    country: 'CZ',
    locale: 'cs-CZ',
    female: ['Jana', 'Tereza', 'Eliška', 'Lucie', 'Kateřina'],
    male: ['Jan', 'Tomáš', 'Jiří', 'Petr', 'Ondřej'],
    surnames: [['Novák', 'Nováková'], ['Svoboda', 'Svobodová'], ['Dvořák', 'Dvořáková'], ['Černý', 'Černá'], ['Procházka', 'Procházková'], ['Kučera', 'Kučerová']],
    cities: [['Praha', '1## 00'], ['Brno', '6## 00'], ['Ostrava', '7## 00']],
    streets: ['Vinohradská', 'Národní', 'Masarykova', 'Husova'],
    passportNumber: (rng) => rng.digits(8),
  }),
  HRV: latinCulture({
    key: 'HRV',
    nationality: 'HRV',
    country: 'HR',
    locale: 'hr-HR',
    female: ['Ana', 'Ivana', 'Marija', 'Petra', 'Lucija'],
    male: ['Ivan', 'Luka', 'Marko', 'Josip', 'Tomislav'],
    surnames: ['Horvat', 'Kovačević', 'Babić', 'Marić', 'Jurić', 'Knežević', 'Đurić'],
    cities: [['Zagreb', '10000'], ['Split', '21000'], ['Rijeka', '51000']],
    streets: ['Ilica', 'Vukovarska', 'Ulica kralja Zvonimira', 'Savska cesta'],
    passportNumber: (rng) => rng.digits(9),
  }),
  ROU: latinCulture({
    key: 'ROU',
    nationality: 'ROU',
    country: 'RO',
    locale: 'ro-RO',
    female: ['Maria', 'Elena', 'Ioana', 'Andreea', 'Alexandra'],
    male: ['Andrei', 'Mihai', 'Alexandru', 'Ștefan', 'Bogdan'],
    surnames: ['Popescu', 'Ionescu', 'Popa', 'Stan', 'Dumitru', 'Constantinescu', 'Stoica'],
    cities: [['București', '0#####'], ['Cluj-Napoca', '400###'], ['Timișoara', '300###']],
    streets: ['Strada Victoriei', 'Bulevardul Unirii', 'Strada Republicii', 'Calea Dorobanților'],
    // Romanian identity cards: two-letter series + six digits.
    passportNumber: (rng) => `${rng.pick(['RX', 'RT', 'HD', 'XB', 'KX'])}${rng.digits(6)}`,
  }),
  AUS: latinCulture({
    key: 'AUS',
    nationality: 'AUS',
    country: 'AU',
    locale: 'en-AU',
    female: ['Jane'],
    male: ['John'],
    surnames: ['Citizen'],
    cities: [['Canberra', '26##', 'ACT'], ['Sydney', '20##', 'NSW']],
    streets: ['Northbourne Avenue', 'George Street'],
    streetFirst: false,
    phone: (rng) => `+61 491 570 1${rng.int(10, 56)}`,
    passportNumber: (rng) => `PA${rng.digits(7)}`,
  }),
}

/** Cultures the generic (fictional "Utopia") specimens are used for. */
export const GENERIC_CULTURES = ['CHN', 'CHN', 'DEU', 'FRA', 'ESP', 'BRA', 'RUS', 'JPN', 'GBR', 'USA'] as const

/** ASCII e-mail local part from a name (what people choose: first.last, initials, digits). */
export function emailLocalPart(rng: Rng, name: PersonName): string {
  const ascii = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/ß/g, 'ss')
      .replace(/[đĐ]/g, 'd')
      .toLowerCase()
      .replace(/[^a-z]+/g, '')
  const first = ascii(name.firstName)
  const last = ascii(name.lastName)
  return rng.pick([
    `${first}.${last}`,
    `${first}${last}${rng.int(1, 99)}`,
    `${first[0]}${last}`,
    `${last}.${first}${rng.int(70, 99)}`,
  ])
}
