/**
 * Image editors whose name in a file's metadata (EXIF Software / ProcessingSoftware, XMP
 * CreatorTool / history) means the picture was opened and saved by an editor after the camera.
 * A data list, matched case-insensitively as whole words: add names here, not in code.
 * Camera firmware, phone OS versions ("17.6.1", "MIUI 14", "HDR+ …") and plain viewers are
 * deliberately absent: every phone writes those, and they say nothing about editing.
 */
export const EDITING_SOFTWARE: readonly { pattern: RegExp; name: string }[] = [
  { pattern: /\bphotoshop\b/i, name: 'Adobe Photoshop' },
  { pattern: /\blightroom\b/i, name: 'Adobe Lightroom' },
  { pattern: /\bgimp\b/i, name: 'GIMP' },
  { pattern: /\bsnapseed\b/i, name: 'Snapseed' },
  { pattern: /\bmeitu\b|美图/i, name: 'Meitu' },
  { pattern: /\bpicsart\b/i, name: 'PicsArt' },
  { pattern: /\bcanva\b/i, name: 'Canva' },
  { pattern: /\bpixelmator\b/i, name: 'Pixelmator' },
  { pattern: /\baffinity photo\b/i, name: 'Affinity Photo' },
  { pattern: /\bpaint\.net\b/i, name: 'Paint.NET' },
  { pattern: /\bphotopea\b/i, name: 'Photopea' },
  { pattern: /\bfotor\b/i, name: 'Fotor' },
  { pattern: /\bfacetune\b/i, name: 'Facetune' },
  { pattern: /\bvsco\b/i, name: 'VSCO' },
  { pattern: /\bpolarr\b/i, name: 'Polarr' },
  { pattern: /\bphotodirector\b/i, name: 'PhotoDirector' },
  { pattern: /\bpaintshop\b/i, name: 'Corel PaintShop' },
  { pattern: /\bbeautycam\b|beauty ?plus/i, name: 'BeautyCam / BeautyPlus' },
  { pattern: /醒图|\bxingtu\b/i, name: 'Xingtu' },
  { pattern: /\bpicmonkey\b/i, name: 'PicMonkey' },
]

/** The editor named by a metadata value, or null. */
export function editorIn(value: string): string | null {
  for (const e of EDITING_SOFTWARE) if (e.pattern.test(value)) return e.name
  return null
}
