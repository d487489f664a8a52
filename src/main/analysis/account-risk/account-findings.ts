import type { Severity } from '../../../shared/domain/causes'
import type { Finding } from '../../../shared/domain/finding'
import type { AccountRiskSettings } from './account-risk-settings'
import type { FailedLoginBurst } from './failed-logins'
import { countryName, num, utc } from './format'
import type { TravelHop } from './impossible-travel'
import type { LoginEvent } from './logins'
import type { NewDevice } from './new-device'

/** Every account finding ends with this: security signals are never disclosed to the customer. */
const NO_DISCLOSURE = {
  en: 'Do not tell the customer what was detected.',
  'zh-CN': '不要向客户透露检测到的具体内容。',
}

function loginEvidence(l: LoginEvent) {
  return { at: l.iso, country: l.country, ip: l.ip, deviceId: l.deviceId, success: l.success }
}

function securityRemedies(severity: Severity, twoFactorEnabled: boolean, base: string[]): string[] {
  const remedies = [...base]
  if (!twoFactorEnabled) remedies.push('ENABLE_TWO_FACTOR')
  if (severity === 'blocker') remedies.push('ESCALATE_TO_COMPLIANCE')
  return remedies
}

/** Hops spelled out in the explanation and kept in evidence; a shared or hijacked account can produce thousands. */
const MAX_HOPS_LISTED = 10
const MAX_HOPS_IN_EVIDENCE = 50

export function impossibleTravelFinding(hops: TravelHop[], s: AccountRiskSettings, twoFactorEnabled: boolean): Finding {
  const fastest = hops.reduce((a, b) => (b.impliedKmh > a.impliedKmh ? b : a))
  const more = hops.length - MAX_HOPS_LISTED
  const lines = (lang: 'en' | 'zh-CN') =>
    hops
      .slice(0, MAX_HOPS_LISTED)
      .map((h) =>
        lang === 'en'
          ? `${utc(h.from.at)} ${countryName(h.from.country, 'en')} → ${utc(h.to.at)} ${countryName(h.to.country, 'en')}: at least ${num(h.minimumKm)} km apart (${num(h.centroidKm)} km between the country centres) in ${num(h.hours, 1)} h = ${num(h.impliedKmh)} km/h`
          : `${utc(h.from.at)} ${countryName(h.from.country, 'zh-CN')} → ${utc(h.to.at)} ${countryName(h.to.country, 'zh-CN')}：至少相距 ${num(h.minimumKm)} 公里（两国中心点相距 ${num(h.centroidKm)} 公里），间隔 ${num(h.hours, 1)} 小时，相当于每小时 ${num(h.impliedKmh)} 公里`,
      )
      .join(lang === 'en' ? '; ' : '；') +
    (more > 0 ? (lang === 'en' ? `; and ${more} more such hops` : `；另有 ${more} 次类似情况`) : '')
  return {
    cause: 'ACCOUNT_SECURITY_RISK',
    code: 'IMPOSSIBLE_TRAVEL',
    severity: 'blocker',
    // A VPN or a corporate proxy produces the same pattern: strong signal, not proof.
    confidence: 0.85,
    evidence: {
      hopCount: hops.length,
      hops: hops.slice(0, MAX_HOPS_IN_EVIDENCE).map((h) => ({
        from: loginEvidence(h.from),
        to: loginEvidence(h.to),
        centroidKm: Math.round(h.centroidKm),
        minimumKm: Math.round(h.minimumKm),
        hours: Number(h.hours.toFixed(2)),
        impliedKmh: Math.round(h.impliedKmh),
      })),
      maxImpliedKmh: Math.round(fastest.impliedKmh),
      maxTravelSpeedKmh: s.maxTravelSpeedKmh,
      minTravelDistanceKm: s.minTravelDistanceKm,
    },
    explanation: {
      en: `Impossible travel: successful logins from places too far apart for the time between them (faster than the ${num(s.maxTravelSpeedKmh)} km/h of an airliner). ${lines('en')}. This points to a taken-over or shared account; a VPN can cause it too. ${NO_DISCLOSURE.en}`,
      'zh-CN': `不可能的行程：两次成功登录的地点相距过远，在间隔时间内无法到达（超过客机每小时 ${num(s.maxTravelSpeedKmh)} 公里的速度）。${lines('zh-CN')}。这表明账户可能被盗用或被多人共用，使用 VPN 也可能造成这种情况。${NO_DISCLOSURE['zh-CN']}`,
    },
    remedies: securityRemedies('blocker', twoFactorEnabled, ['SECURE_ACCOUNT', 'CHANGE_PASSWORD']),
  }
}

export function failedLoginsFinding(
  burst: FailedLoginBurst,
  severity: Severity,
  s: AccountRiskSettings,
  twoFactorEnabled: boolean,
): Finding {
  const first = burst.failures[0]
  const last = burst.failures[burst.failures.length - 1]
  const minutes = (last.at - first.at) / 60_000
  const countries = [...new Set(burst.failures.map((f) => f.country))]
  const ips = new Set(burst.failures.map((f) => f.ip)).size
  const success = burst.followingSuccess
  const thenEn = success
    ? ` Then a successful login at ${utc(success.at)} from ${countryName(success.country, 'en')} on device ${success.deviceId}${burst.successFromUnseenDevice ? ', a device never used on this account before' : ''}.`
    : ' No successful login followed within the window.'
  const thenZh = success
    ? `随后于 ${utc(success.at)} 在 ${countryName(success.country, 'zh-CN')} 使用设备 ${success.deviceId} 成功登录${burst.successFromUnseenDevice ? '，该设备此前从未在此账户上使用过' : ''}。`
    : '在该时间窗口内之后没有成功登录。'
  return {
    cause: 'ACCOUNT_SECURITY_RISK',
    code: 'FAILED_LOGINS',
    severity,
    confidence: severity === 'blocker' ? 0.85 : 0.6,
    evidence: {
      failedLogins: burst.failures.length,
      firstFailureAt: first.iso,
      lastFailureAt: last.iso,
      spanMinutes: Math.round(minutes),
      countries,
      distinctIps: ips,
      followingSuccess: success ? loginEvidence(success) : null,
      successFromUnseenDevice: burst.successFromUnseenDevice,
      failedLoginsMin: s.failedLoginsMin,
      failedLoginsBlockerMin: s.failedLoginsBlockerMin,
      windowMinutes: s.failedLoginsWindowMinutes,
    },
    explanation: {
      en: `${burst.failures.length} failed logins within ${num(minutes)} minutes (${utc(first.at)} to ${utc(last.at)}, from ${countries.map((c) => countryName(c, 'en')).join(', ')}, ${ips} IP address${ips === 1 ? '' : 'es'}); ${s.failedLoginsMin} in ${s.failedLoginsWindowMinutes} minutes counts as a burst.${thenEn} Looks like password guessing. ${NO_DISCLOSURE.en}`,
      'zh-CN': `${num(minutes)} 分钟内登录失败 ${burst.failures.length} 次（${utc(first.at)} 至 ${utc(last.at)}，来自 ${countries.map((c) => countryName(c, 'zh-CN')).join('、')}，${ips} 个 IP 地址）；${s.failedLoginsWindowMinutes} 分钟内失败 ${s.failedLoginsMin} 次即视为集中失败。${thenZh}疑似有人在猜测密码。${NO_DISCLOSURE['zh-CN']}`,
    },
    remedies: securityRemedies(severity, twoFactorEnabled, ['SECURE_ACCOUNT', 'CHANGE_PASSWORD']),
  }
}

export function newDeviceFinding(device: NewDevice, severity: Severity, s: AccountRiskSettings, accountAgeDays: number): Finding {
  const l = device.firstSeen
  return {
    cause: 'ACCOUNT_SECURITY_RISK',
    code: 'NEW_DEVICE',
    severity,
    confidence: severity === 'blocker' ? 0.75 : 0.55,
    evidence: {
      deviceId: device.deviceId,
      firstSeen: loginEvidence(l),
      hoursBeforeSubmission: Number(device.hoursBeforeSubmission.toFixed(1)),
      devicesKnownBefore: device.devicesKnownBefore,
      accountAgeDays: Math.floor(accountAgeDays),
      newDeviceWindowHours: s.newDeviceWindowHours,
    },
    explanation: {
      en: `New device: ${device.deviceId} first logged in at ${utc(l.at)} from ${countryName(l.country, 'en')}, ${num(device.hoursBeforeSubmission, 1)} h before the submission (window ${s.newDeviceWindowHours} h), on an account ${Math.floor(accountAgeDays)} days old that had used ${device.devicesKnownBefore} other device${device.devicesKnownBefore === 1 ? '' : 's'} before. ${severity === 'blocker' ? 'The password was changed after it appeared: the usual account-takeover sequence.' : 'Often just a new phone; weigh it with the other signals.'} ${NO_DISCLOSURE.en}`,
      'zh-CN': `新设备：设备 ${device.deviceId} 于 ${utc(l.at)} 在 ${countryName(l.country, 'zh-CN')} 首次登录，距提交仅 ${num(device.hoursBeforeSubmission, 1)} 小时（窗口 ${s.newDeviceWindowHours} 小时）；该账户已注册 ${Math.floor(accountAgeDays)} 天，此前使用过 ${device.devicesKnownBefore} 台其他设备。${severity === 'blocker' ? '该设备出现后密码即被修改：这是典型的账户盗用顺序。' : '这常常只是换了新手机，请结合其他信号判断。'}${NO_DISCLOSURE['zh-CN']}`,
    },
    remedies: severity === 'blocker' ? ['SECURE_ACCOUNT', 'ESCALATE_TO_COMPLIANCE'] : ['SECURE_ACCOUNT'],
  }
}

export function passwordChangeFinding(changedAt: number, changedIso: string, hoursBefore: number, severity: Severity, s: AccountRiskSettings): Finding {
  return {
    cause: 'ACCOUNT_SECURITY_RISK',
    code: 'RECENT_PASSWORD_CHANGE',
    severity,
    confidence: severity === 'blocker' ? 0.75 : severity === 'warning' ? 0.5 : 0.3,
    evidence: {
      passwordChangedAt: changedIso,
      hoursBeforeSubmission: Number(hoursBefore.toFixed(1)),
      passwordChangeWindowHours: s.passwordChangeWindowHours,
    },
    explanation: {
      en: `The password was changed at ${utc(changedAt)}, ${num(hoursBefore, 1)} h before the submission (window ${s.passwordChangeWindowHours} h).${severity === 'info' ? ' Alone this is common (customers reset a forgotten password before verifying) and is not counted as a cause.' : ' Together with the other signals here it fits an account takeover.'} ${NO_DISCLOSURE.en}`,
      'zh-CN': `密码于 ${utc(changedAt)} 被修改，距提交 ${num(hoursBefore, 1)} 小时（窗口 ${s.passwordChangeWindowHours} 小时）。${severity === 'info' ? '单独出现时很常见（客户常在认证前重置忘记的密码），不计为失败原因。' : '结合此处的其他信号，符合账户被盗用的特征。'}${NO_DISCLOSURE['zh-CN']}`,
    },
    remedies: severity === 'blocker' ? ['SECURE_ACCOUNT', 'ESCALATE_TO_COMPLIANCE'] : ['SECURE_ACCOUNT'],
  }
}

export function noTwoFactorFinding(severity: Severity, otherSignals: string[]): Finding {
  return {
    cause: 'ACCOUNT_SECURITY_RISK',
    code: 'NO_TWO_FACTOR',
    severity,
    confidence: 0.95,
    evidence: { twoFactorEnabled: false, otherSignals },
    explanation:
      severity === 'info'
        ? {
            en: 'Two-factor authentication is off. Nothing else suggests a risk, so this is only a recommendation, not a cause of the failure.',
            'zh-CN': '双重验证未开启。没有其他风险迹象，因此这只是建议，不是认证失败的原因。',
          }
        : {
            en: `Two-factor authentication is off, which makes the other signals (${otherSignals.join(', ')}) weigh more: anyone with the password can log in. Ask the customer to turn it on once the account is secured.`,
            'zh-CN': `双重验证未开启，这使其他信号（${otherSignals.join('、')}）更值得重视：任何知道密码的人都能登录。账户安全后请客户开启双重验证。`,
          },
    remedies: ['ENABLE_TWO_FACTOR'],
  }
}
