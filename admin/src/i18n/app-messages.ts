import { accountMessages, frenchAccountMessages, swahiliAccountMessages } from '../accounts/account-messages.ts';

/**
 * Atelier's own words, under `atelier`: the menu, the notices that name what was done, the account pages. `%{name}` is a resource's name ("Customer"), `%{record}` a record's ("WO-000003").
 */
export const englishAppMessages = {
  menu: {
    groups: {
      workshop: 'Workshop',
      sales: 'Sales',
      customers: 'Customers',
      content: 'Content',
      integrations: 'Integrations',
      settings: 'Settings',
      developers: 'Developers',
      more: 'More',
    },
    jobBoard: 'Job board',
    calendar: 'Calendar',
    integrations: 'Integrations',
    language: 'Language',
  },
  /** `%{name}` is the resource's name, `%{names}` its plural in lower case; French agrees with feminine names. */
  notifications: {
    created: '%{name} created',
    updated: '%{name} updated |||| %{smart_count} %{names} updated',
    deleted: '%{name} deleted |||| %{smart_count} %{names} deleted',
    feminine: {
      created: '%{name} created',
      updated: '%{name} updated |||| %{smart_count} %{names} updated',
      deleted: '%{name} deleted |||| %{smart_count} %{names} deleted',
    },
    /** An action on a record done, when its verb has no past form below: "WO-000003: Replay done". */
    done: '%{record}: %{action} done',
  },
  /**
   * What a domain action did, by its mutation, else by the mutation's first word ("WO-000003 started");
   * work-order steps by the API's action name.
   */
  done: {
    start: '%{record} started',
    archive: '%{record} archived',
    restore: '%{record} restored',
    revoke: '%{record} revoked',
    send: '%{record} sent',
    replay: '%{record} replayed',
    retry: '%{record}: delivery retried',
    disconnect: '%{record} disconnected',
    decode: '%{record}: decoding started',
    mark: '%{record} updated',
    rotate: '%{record}: new secret',
    test: '%{record}: connection works',
    correct: '%{record} corrected',
    sendTestWebhook: 'Test webhook sent to %{record}',
    sendEstimate: 'Estimate for %{record} sent',
    requestEstimateSignature: 'Estimate for %{record} sent for signature',
    createWorkOrderFolder: 'Folder for %{record} created',
    markWorkOrderReady: '%{record} ready for pickup',
    sendInspection: 'Inspection sent to the customer',
    correctMileage: 'Mileage of %{record} corrected',
    cancelAppointment: 'Appointment cancelled',
  },
  workOrderDone: {
    SEND_ESTIMATE: 'Estimate for %{record} sent',
    APPROVE: '%{record} approved',
    START: '%{record} started',
    MARK_READY: '%{record} ready for pickup',
    COMPLETE: '%{record} completed',
    CANCEL: '%{record} cancelled',
  } as Record<string, string>,
  accounts: accountMessages,
};

export type AppMessages = typeof englishAppMessages;

export const swahiliAppMessages: AppMessages = {
  menu: {
    groups: {
      workshop: 'Karakana',
      sales: 'Mauzo',
      customers: 'Wateja',
      content: 'Maudhui',
      integrations: 'Huduma za nje',
      settings: 'Mipangilio',
      developers: 'Wasanidi',
      more: 'Zaidi',
    },
    jobBoard: 'Ubao wa kazi',
    calendar: 'Kalenda',
    integrations: 'Huduma za nje',
    language: 'Lugha',
  },
  notifications: {
    created: 'Umeunda %{name}',
    updated: 'Umesasisha %{name} |||| Umesasisha %{names} %{smart_count}',
    deleted: 'Umefuta %{name} |||| Umefuta %{names} %{smart_count}',
    feminine: {
      created: 'Umeunda %{name}',
      updated: 'Umesasisha %{name} |||| Umesasisha %{names} %{smart_count}',
      deleted: 'Umefuta %{name} |||| Umefuta %{names} %{smart_count}',
    },
    done: '%{record}: %{action} imekamilika',
  },
  done: {
    start: '%{record} imeanzishwa',
    archive: '%{record} imehifadhiwa kumbukumbu',
    restore: '%{record} imerejeshwa',
    revoke: '%{record} imebatilishwa',
    send: '%{record} imetumwa',
    replay: '%{record} imerudiwa',
    retry: '%{record}: uwasilishaji umejaribiwa tena',
    disconnect: '%{record} imetenganishwa',
    decode: '%{record}: usimbuaji umeanza',
    mark: '%{record} imesasishwa',
    rotate: '%{record}: siri mpya',
    test: '%{record}: muunganisho unafanya kazi',
    correct: '%{record} imesahihishwa',
    sendTestWebhook: 'Webhook ya majaribio imetumwa kwa %{record}',
    sendEstimate: 'Makadirio ya %{record} yametumwa',
    requestEstimateSignature: 'Makadirio ya %{record} yametumwa kwa sahihi',
    createWorkOrderFolder: 'Folda ya %{record} imeundwa',
    markWorkOrderReady: '%{record} iko tayari kuchukuliwa',
    sendInspection: 'Ukaguzi umetumwa kwa mteja',
    correctMileage: 'Kilomita za %{record} zimesahihishwa',
    cancelAppointment: 'Miadi imeghairiwa',
  },
  workOrderDone: {
    SEND_ESTIMATE: 'Makadirio ya %{record} yametumwa',
    APPROVE: '%{record} imeidhinishwa',
    START: '%{record} imeanzishwa',
    MARK_READY: '%{record} iko tayari kuchukuliwa',
    COMPLETE: '%{record} imekamilika',
    CANCEL: '%{record} imeghairiwa',
  },
  accounts: swahiliAccountMessages,
};

export const frenchAppMessages: AppMessages = {
  menu: {
    groups: {
      workshop: 'Atelier',
      sales: 'Ventes',
      customers: 'Clients',
      content: 'Contenu',
      integrations: 'Intégrations',
      settings: 'Paramètres',
      developers: 'Développeurs',
      more: 'Autres',
    },
    jobBoard: 'Tableau des travaux',
    calendar: 'Agenda',
    integrations: 'Intégrations',
    language: 'Langue',
  },
  notifications: {
    created: '%{name} créé',
    updated: '%{name} modifié |||| %{smart_count} %{names} modifiés',
    deleted: '%{name} supprimé |||| %{smart_count} %{names} supprimés',
    feminine: {
      created: '%{name} créée',
      updated: '%{name} modifiée |||| %{smart_count} %{names} modifiées',
      deleted: '%{name} supprimée |||| %{smart_count} %{names} supprimées',
    },
    done: '%{record} : %{action} effectué',
  },
  done: {
    start: '%{record} commencé',
    archive: '%{record} archivé',
    restore: '%{record} restauré',
    revoke: '%{record} révoqué',
    send: '%{record} envoyé',
    replay: '%{record} rejoué',
    retry: '%{record} : envoi relancé',
    disconnect: '%{record} déconnecté',
    decode: '%{record} : décodage lancé',
    mark: '%{record} mis à jour',
    rotate: '%{record} : nouveau secret',
    test: '%{record} : la connexion fonctionne',
    correct: '%{record} corrigé',
    sendTestWebhook: 'Webhook de test envoyé à %{record}',
    sendEstimate: 'Devis de %{record} envoyé',
    requestEstimateSignature: 'Devis de %{record} envoyé pour signature',
    createWorkOrderFolder: 'Dossier de %{record} créé',
    markWorkOrderReady: '%{record} prêt à être récupéré',
    sendInspection: 'Inspection envoyée au client',
    correctMileage: 'Kilométrage de %{record} corrigé',
    cancelAppointment: 'Rendez-vous annulé',
  },
  workOrderDone: {
    SEND_ESTIMATE: 'Devis de %{record} envoyé',
    APPROVE: '%{record} approuvé',
    START: '%{record} commencé',
    MARK_READY: '%{record} prêt à être récupéré',
    COMPLETE: '%{record} terminé',
    CANCEL: '%{record} annulé',
  },
  accounts: frenchAccountMessages,
};
