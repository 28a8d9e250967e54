/** Whether the keyboard's command key is ⌘ (Apple platforms), so shortcuts are shown as ⌘K rather than Ctrl K. */
export function isMac(): boolean {
  const platform = (navigator as Navigator & { userAgentData?: { platform?: string } }).userAgentData?.platform ?? navigator.platform ?? '';
  return /mac|iphone|ipad/i.test(platform);
}
