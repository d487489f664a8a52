import type { Finding, LocalizedText } from '../../../shared/domain/finding'
import type { Analyser, AnalysisContext } from '../types'
import { assessFace, significantFaces, viewConfidence, type CaptureIssue } from './capture-checks'
import { faceCaptureSettings, type FaceCaptureSettings } from './face-settings'
import { getFaceImage } from './facts'

const pct = (x: number) => `${Math.round(x * 100)}%`

const REMEDIES: Record<CaptureIssue['code'], string[]> = {
  FACE_TOO_SMALL: ['RETAKE_SELFIE'],
  TOO_DARK: ['SELFIE_IN_DAYLIGHT', 'RETAKE_SELFIE'],
  BACKLIT: ['AVOID_BACKLIGHT', 'RETAKE_SELFIE'],
  OVEREXPOSED: ['SELFIE_IN_DAYLIGHT', 'RETAKE_SELFIE'],
  BLURRY: ['RETAKE_SELFIE'],
  POSE: ['FACE_CAMERA_STRAIGHT', 'RETAKE_SELFIE'],
  EYES_CLOSED: ['RETAKE_SELFIE'],
}

function explain(issue: CaptureIssue, file: string): LocalizedText {
  const m = issue.measured
  const l = issue.limits
  switch (issue.code) {
    case 'FACE_TOO_SMALL':
      return {
        en: `In ${file} the face is ${Math.round(m.faceSizePx)} px wide, ${pct(m.faceWidthFraction)} of the picture's width; at least ${pct(l.minFaceWidthFraction)} and ${l.minFaceSizePx} px are needed. The customer should hold the phone closer.`,
        'zh-CN': `${file} 中人脸宽 ${Math.round(m.faceSizePx)} 像素，仅占画面宽度的 ${pct(m.faceWidthFraction)}；至少需要 ${pct(l.minFaceWidthFraction)} 且不小于 ${l.minFaceSizePx} 像素。请客户把手机拿近一些。`,
      }
    case 'TOO_DARK':
      return {
        en: `In ${file} the face is too dark: its brightness is ${Math.round(m.faceLuma)} of 255, below the minimum of ${l.minFaceLuma}. The customer should take the selfie in daylight or a well-lit room.`,
        'zh-CN': `${file} 中人脸过暗：亮度为 ${Math.round(m.faceLuma)}（满分 255），低于最低要求 ${l.minFaceLuma}。请客户在白天或光线充足的房间里重新自拍。`,
      }
    case 'BACKLIT':
      return {
        en: `In ${file} the light comes from behind: the background is ${Math.round(m.backgroundLuma)} of 255 bright, the face only ${Math.round(m.faceLuma)} (a difference of ${Math.round(m.lumaDifference)}; limit ${l.backlitMinLumaDifference}). The customer should turn so the window or lamp is in front of them, not behind.`,
        'zh-CN': `${file} 为逆光拍摄：背景亮度 ${Math.round(m.backgroundLuma)}（满分 255），而人脸只有 ${Math.round(m.faceLuma)}，相差 ${Math.round(m.lumaDifference)}（上限 ${l.backlitMinLumaDifference}）。请客户转身，让窗户或灯光在面前而不是身后。`,
      }
    case 'OVEREXPOSED':
      return {
        en: `In ${file} the face is overexposed: ${pct(m.faceClippedFraction)} of the face is pure white (limit ${pct(l.maxFaceClippedFraction)}), so its features are lost. The customer should avoid direct light or flash on the face.`,
        'zh-CN': `${file} 中人脸过曝：${pct(m.faceClippedFraction)} 的面部区域为纯白（上限 ${pct(l.maxFaceClippedFraction)}），面部特征丢失。请客户避免强光或闪光灯直射面部。`,
      }
    case 'BLURRY':
      return {
        en: `In ${file} the face is blurred: its sharpness along the blurriest direction measures ${m.directionalSharpness.toFixed(4)}, below the minimum of ${l.minDirectionalSharpness}. The customer should hold the phone still and let the camera focus.`,
        'zh-CN': `${file} 中人脸模糊：最模糊方向上的清晰度为 ${m.directionalSharpness.toFixed(4)}，低于最低要求 ${l.minDirectionalSharpness}。请客户拿稳手机，等相机对焦后再拍。`,
      }
    case 'POSE':
      return {
        en: `In ${file} the head is not facing the camera: turned ${Math.round(Math.abs(m.yawDeg))}°, tilted up/down ${Math.round(Math.abs(m.pitchDeg))}°, leaning ${Math.round(Math.abs(m.rollDeg))}° (limits ${l.maxYawDeg}°, ${l.maxPitchDeg}°, ${l.maxRollDeg}°). The customer should look straight into the camera.`,
        'zh-CN': `${file} 中头部没有正对镜头：左右转动 ${Math.round(Math.abs(m.yawDeg))}°，上下倾斜 ${Math.round(Math.abs(m.pitchDeg))}°，侧歪 ${Math.round(Math.abs(m.rollDeg))}°（上限分别为 ${l.maxYawDeg}°、${l.maxPitchDeg}°、${l.maxRollDeg}°）。请客户正视镜头重新自拍。`,
      }
    case 'EYES_CLOSED':
      return {
        en: `In ${file} the eyes look closed (openness ${m.eyesOpen.toFixed(2)}, below ${l.minEyesOpen}). Check by eye; if so the customer should retake the selfie with eyes open.`,
        'zh-CN': `${file} 中双眼似乎闭合（睁眼程度 ${m.eyesOpen.toFixed(2)}，低于 ${l.minEyesOpen}）。请人工确认；如属实，请客户睁眼重新自拍。`,
      }
  }
}

function noSelfie(reason: string, file?: string): Finding {
  return {
    cause: 'FACE_CAPTURE_FAILED',
    code: 'NO_SELFIE',
    severity: 'blocker',
    confidence: 0.99,
    ...(file ? { artifact: file } : {}),
    evidence: { reason },
    explanation: {
      en: file ? `The selfie ${file} could not be read (${reason}), so there is no face to compare with the document. The customer should take a new selfie.` : 'The case has no selfie, so there is no face to compare with the document. The customer should take a selfie.',
      'zh-CN': file ? `自拍文件 ${file} 无法读取（${reason}），因此没有可与证件比对的人脸。请客户重新自拍。` : '此案件没有自拍，因此没有可与证件比对的人脸。请客户完成自拍。',
    },
    remedies: ['RETAKE_SELFIE'],
  }
}

function cameraFinding(ctx: AnalysisContext, s: FaceCaptureSettings, smallFiles: { file: string; width: number; height: number }[]): Finding | null {
  const camera = ctx.bundle.device?.camera
  const cameraShort = camera ? Math.min(camera.width, camera.height) : null
  const cameraLow = cameraShort !== null && cameraShort < s.minCameraShortSide
  if (!cameraLow && smallFiles.length === 0) return null
  const sizes = smallFiles.map((f) => `${f.file} ${f.width}×${f.height}`).join(', ')
  const cameraText = camera ? `${camera.width}×${camera.height}` : ''
  return {
    cause: 'FACE_CAPTURE_FAILED',
    code: 'LOW_CAMERA_RESOLUTION',
    severity: 'warning',
    confidence: 0.9,
    ...(smallFiles.length === 1 ? { artifact: smallFiles[0].file } : {}),
    evidence: {
      ...(camera ? { cameraWidth: camera.width, cameraHeight: camera.height } : {}),
      selfies: smallFiles,
      minShortSide: s.minCameraShortSide,
    },
    explanation: {
      en: `The camera delivers less than 720p (${[cameraLow ? `device camera ${cameraText}` : '', sizes].filter(Boolean).join('; ')}); the shorter side must be at least ${s.minCameraShortSide} px. The customer should use a camera of 720p or better, e.g. the phone's front camera.`,
      'zh-CN': `摄像头分辨率低于 720p（${[cameraLow ? `设备摄像头 ${cameraText}` : '', sizes].filter(Boolean).join('；')}）；短边至少需要 ${s.minCameraShortSide} 像素。请客户使用 720p 或更高分辨率的摄像头，例如手机前置摄像头。`,
    },
    remedies: ['USE_720P_CAMERA'],
  }
}

/**
 * FACE_CAPTURE_FAILED: the selfie cannot be used for face comparison. Reads each selfie's faces
 * (shared fact), then checks the main face's size, light, sharpness, pose and eyes, and the
 * picture for other people. When one selfie is fine, the other selfies' problems are info only.
 */
export const faceCaptureAnalyser: Analyser = {
  id: 'face-capture',
  version: '2',
  causes: ['FACE_CAPTURE_FAILED'],
  settingsSections: ['faceCapture'],
  async run(ctx) {
    const s = faceCaptureSettings(ctx.settings)
    const selfies = ctx.files.filter((f) => f.role === 'selfie')
    if (selfies.length === 0) return [noSelfie('no selfie in the case')]
    const perFile: { file: string; findings: Finding[]; clean: boolean }[] = []
    const smallFiles: { file: string; width: number; height: number }[] = []
    for (const file of selfies) {
      const fact = await getFaceImage(ctx, file)
      if (!fact.ok) {
        perFile.push({ file: file.name, findings: [noSelfie(fact.reason === 'missing' ? 'file missing or empty' : `not a readable image: ${fact.error ?? ''}`.trim(), file.name)], clean: false })
        continue
      }
      const { image } = fact
      if (Math.min(image.width, image.height) < s.minCameraShortSide) smallFiles.push({ file: file.name, width: image.width, height: image.height })
      const findings: Finding[] = []
      const main = image.faces[0]
      if (!main) {
        findings.push({
          cause: 'FACE_CAPTURE_FAILED',
          code: 'NO_FACE',
          severity: 'blocker',
          confidence: 0.9,
          artifact: file.name,
          // Every view was searched (letterboxed, as is, in tiles): see detection-views.ts.
          evidence: { facesFound: 0, imageWidth: image.width, imageHeight: image.height, detectionViews: image.views },
          explanation: {
            en: `No face was found in the selfie ${file.name} (${image.width}×${image.height}), also not on a second and third look closer up. The customer should take a selfie showing their whole face, uncovered, looking at the camera.`,
            'zh-CN': `在自拍 ${file.name}（${image.width}×${image.height}）中未检测到人脸，放大后再次查找也未找到。请客户重新自拍，露出完整、无遮挡的面部并正视镜头。`,
          },
          remedies: ['RETAKE_SELFIE', 'REMOVE_FACE_COVERINGS'],
        })
        perFile.push({ file: file.name, findings, clean: false })
        continue
      }
      const others = significantFaces(image, s)
      if (others.length > 1) {
        const second = others[1]
        findings.push({
          cause: 'FACE_CAPTURE_FAILED',
          code: 'MULTIPLE_FACES',
          severity: 'blocker',
          confidence: (0.6 + 0.35 * Math.min(1, (second.faceSizePx / main.faceSizePx - s.secondFaceMinRelativeSize) / (1 - s.secondFaceMinRelativeSize))) * viewConfidence(second),
          artifact: file.name,
          region: second.region,
          evidence: {
            faces: others.length,
            facesFound: image.faces.length,
            secondFaceRelativeSize: Math.round((second.faceSizePx / main.faceSizePx) * 100) / 100,
            secondFaceMinRelativeSize: s.secondFaceMinRelativeSize,
            mainFaceRegion: main.region,
            faceRegions: others.map((f) => f.region),
          },
          explanation: {
            en: `The selfie ${file.name} shows ${others.length} faces (the second one ${Math.round((second.faceSizePx / main.faceSizePx) * 100)}% the size of the main one; faces under ${pct(s.secondFaceMinRelativeSize)} are ignored). The customer should take the selfie alone.`,
            'zh-CN': `自拍 ${file.name} 中有 ${others.length} 张人脸（第二张人脸的大小为主人脸的 ${Math.round((second.faceSizePx / main.faceSizePx) * 100)}%；小于 ${pct(s.secondFaceMinRelativeSize)} 的人脸会被忽略）。请客户单独自拍，画面中不要有其他人。`,
          },
          remedies: ['SELFIE_ALONE', 'RETAKE_SELFIE'],
        })
      }
      for (const issue of assessFace(main, image, s)) {
        findings.push({
          cause: 'FACE_CAPTURE_FAILED',
          code: issue.code,
          severity: issue.severity,
          confidence: issue.confidence * viewConfidence(main),
          artifact: file.name,
          region: main.region,
          evidence: { ...issue.measured, ...issue.limits, ...(main.view !== 'square' ? { detectionView: main.view } : {}) },
          explanation: explain(issue, file.name),
          remedies: REMEDIES[issue.code],
        })
      }
      perFile.push({ file: file.name, findings, clean: findings.every((f) => f.severity !== 'blocker') })
    }
    const anyClean = perFile.some((p) => p.clean)
    const findings = perFile.flatMap((p) => (anyClean && !p.clean ? p.findings.map((f) => ({ ...f, severity: 'info' as const })) : p.findings))
    const camera = cameraFinding(ctx, s, smallFiles)
    if (camera) findings.push(camera)
    return findings.map((f) => ({ ...f, confidence: Math.round(f.confidence * 100) / 100 }))
  },
}
