// The words of the pages the server writes itself (the console's shell, the signed-out and
// no-access pages) in each language the console speaks. The elements carry their own catalog; these
// few strings live beside the pages, as core imports nothing from the elements.

/** What the server's pages say. */
export interface PageCopy {
  /** The `lang` of the page. */
  readonly lang: string;
  readonly brand: string;
  readonly tryAgain: string;
  readonly whatYouCanDo: string;
  readonly signInRequired: string;
  readonly onlySignedIn: string;
  readonly signInThenTryAgain: string;
  readonly sessionMayHaveEnded: string;
  readonly signIn: string;
  readonly noAccess: string;
  readonly signedInButNoAccess: string;
  readonly askForAccess: string;
  readonly askForAccessOrSwitch: string;
  readonly signOutOrSwitch: string;
  readonly signInAsSomeoneElse: string;
}

const ENGLISH: PageCopy = {
  lang: 'en',
  brand: 'Jobs',
  tryAgain: 'Try again',
  whatYouCanDo: 'What you can do',
  signInRequired: 'Sign in required',
  onlySignedIn: 'The jobs console is only for signed-in operators.',
  signInThenTryAgain: 'Sign in to the application this console belongs to, then try again.',
  sessionMayHaveEnded: 'Your session may have ended: sign in, then open the console again.',
  signIn: 'Sign in',
  noAccess: 'No access to the jobs console',
  signedInButNoAccess: 'You are signed in, but this account may not open the jobs console.',
  askForAccess: 'Ask whoever runs this application for access.',
  askForAccessOrSwitch: 'Ask whoever runs this application for access, or continue as another user.',
  signOutOrSwitch: 'Sign out or switch user',
  signInAsSomeoneElse: 'Sign in as someone else',
};

const GERMAN: PageCopy = {
  lang: 'de',
  brand: 'Jobs',
  tryAgain: 'Erneut versuchen',
  whatYouCanDo: 'Was Sie tun können',
  signInRequired: 'Anmeldung erforderlich',
  onlySignedIn: 'Die Job-Konsole ist nur für angemeldete Bedienende.',
  signInThenTryAgain: 'Melden Sie sich bei der Anwendung an, zu der diese Konsole gehört, und versuchen Sie es dann erneut.',
  sessionMayHaveEnded: 'Ihre Sitzung ist vielleicht beendet: Melden Sie sich an und öffnen Sie dann die Konsole erneut.',
  signIn: 'Anmelden',
  noAccess: 'Kein Zugriff auf die Job-Konsole',
  signedInButNoAccess: 'Sie sind angemeldet, aber dieses Konto darf die Job-Konsole nicht öffnen.',
  askForAccess: 'Bitten Sie die Betreiber dieser Anwendung um Zugriff.',
  askForAccessOrSwitch: 'Bitten Sie die Betreiber dieser Anwendung um Zugriff oder fahren Sie als andere Person fort.',
  signOutOrSwitch: 'Abmelden oder Person wechseln',
  signInAsSomeoneElse: 'Als andere Person anmelden',
};

/**
 * The copy for `locale` (a BCP 47 tag or null): German for any German tag, English otherwise. The
 * page's `lang` is the language of its words, so a tag without a translation is marked `en`.
 */
export function pageCopy(locale: string | null | undefined): PageCopy {
  if (!locale) return ENGLISH;
  return new Intl.Locale(locale).language === 'de' ? GERMAN : ENGLISH;
}
