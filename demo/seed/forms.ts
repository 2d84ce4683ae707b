/** The feedback form on the demo site's "Anna palautetta" / "Ge respons" pages. */
export const demoForms = [
  {
    id: 'palaute',
    title: { fi: 'Anna palautetta', sv: 'Ge respons', en: 'Give feedback' },
    intro: {
      fi: 'Kerro, mitä huomasit kaduilla, puistoissa tai palveluissa. Vastaamme yleensä viiden arkipäivän kuluessa.',
      sv: 'Berätta vad du märkte på gatorna, i parkerna eller i tjänsterna. Vi svarar i regel inom fem vardagar.',
      en: 'Tell us what you noticed in the streets, parks or services. We usually reply within five working days.',
    },
    fields: [
      {
        key: 'message',
        type: 'longText',
        label: { fi: 'Palautteesi', sv: 'Din respons', en: 'Your feedback' },
        help: { fi: 'Kerro mahdollisimman tarkasti, mitä ja missä.', sv: 'Berätta så noggrant som möjligt vad och var.', en: 'Say as exactly as you can what and where.' },
        required: true,
        maxLength: 2000,
      },
      {
        key: 'place',
        type: 'location',
        label: { fi: 'Paikka', sv: 'Plats', en: 'Place' },
        help: { fi: 'Katuosoite tai paikan kuvaus, jos palaute koskee tiettyä paikkaa.', sv: 'Gatuadress eller beskrivning av platsen, om responsen gäller en viss plats.', en: 'A street address or description, if the feedback is about a place.' },
      },
      {
        key: 'email',
        type: 'email',
        label: { fi: 'Sähköpostiosoite', sv: 'E-postadress', en: 'Email address' },
        help: { fi: 'Jos haluat vastauksen sähköpostiisi. Jätä tyhjäksi, jos et halua.', sv: 'Om du vill ha svar per e-post. Lämna tomt om du inte vill.', en: 'If you would like a reply by email. Leave it empty if not.' },
      },
      {
        key: 'publish',
        type: 'consent',
        label: { fi: 'Palautteeni ja vastaus saa julkaista ilman nimeäni', sv: 'Min respons och svaret får publiceras utan mitt namn', en: 'My feedback and the reply may be published without my name' },
      },
    ],
    categories: [
      { id: 'kadut', label: { fi: 'Kadut ja liikenne', sv: 'Gator och trafik', en: 'Streets and traffic' } },
      { id: 'valaistus', label: { fi: 'Katuvalot', sv: 'Gatubelysning', en: 'Street lights' } },
      { id: 'puistot', label: { fi: 'Puistot ja leikkipaikat', sv: 'Parker och lekplatser', en: 'Parks and playgrounds' } },
      { id: 'muu', label: { fi: 'Muu asia', sv: 'Annat', en: 'Something else' } },
    ],
    privacy: {
      fi: 'Yhteystiedot ovat vapaaehtoisia. Käytämme niitä vain palautteeseesi vastaamiseen ja poistamme ne vuoden kuluttua. Voit poistaa ne itse milloin tahansa poistoavaimella, jonka saat lähettäessäsi.',
      sv: 'Kontaktuppgifterna är frivilliga. Vi använder dem bara för att svara på din respons och tar bort dem efter ett år. Du kan själv ta bort dem när som helst med borttagningsnyckeln som du får när du skickar.',
      en: 'Contact details are optional. We use them only to reply to you and delete them after a year. You can remove them yourself at any time with the removal key you get when you send.',
    },
    status: 'open',
  },
];
