### Todo lo que dice el bot, en español, con la sintaxis de Fluent (projectfluent.org).
### { $name } es un valor que rellena el bot; { $count -> [one] ... *[other] ... } elige una forma de plural.
### El id de un mensaje es su lugar en el esquema (bot/content/messages.py) unido con "-"; el
### messages.ftl de cada idioma tiene los mismos ids con los mismos marcadores, y se comprueba al arrancar.

## onboarding

onboarding-welcome =
    Hola, soy Spasm Diary 🌿

    Te ayudo a llevar un registro de tus espasmos faciales: un breve check-in cada día a la hora que elijas, una nota de dónde, con qué intensidad y cuánto duran, tu nivel de estrés y los posibles desencadenantes, y consejos que se ajustan a lo que cuentas.

    Soy un diario, no un médico: no puedo diagnosticar nada y no sirvo para emergencias. Si un espasmo viene con una convulsión, un desmayo, debilidad o dificultad para respirar, llama de inmediato a tu número de emergencias.
onboarding-ask_timezone = Primero, ¿en qué zona horaria estás? Toca una opción, o escribe una ciudad o el nombre de una zona, como Europe/Berlin.
onboarding-timezone_unknown = No encontré ninguna zona horaria para “{ $text }”. Prueba con una ciudad grande cerca de ti, con el nombre de una zona como Europe/Berlin o America/New_York, o con un desfase como UTC+2.
onboarding-ask_time = ¿A qué hora quieres que te pregunte cada día? Toca una opción, o escribe una hora como 21:15.
onboarding-time_invalid = “{ $text }” no es una hora que pueda usar. Escríbela como HH:MM, por ejemplo 08:30 o 20:00.
onboarding-done = ¡Todo listo! Te preguntaré cada día a las { $time } ({ $timezone }). Toca /checkin para registrar algo ahora, o /help para ver todo lo que puedo hacer.
onboarding-welcome_back = ¡Hola de nuevo! Así está todo configurado.
onboarding-need_setup = Primero terminemos de configurarlo todo.
onboarding-not_started = Todavía no tienes un diario aquí. Envía /start para empezar uno.

## settings

settings-overview =
    Tus ajustes
    Zona horaria: { $timezone }
    Check-ins cada día: { $time }
    Recordatorios: { $reminders }
    Próximo check-in: { $next_checkin }
settings-reminders_on = activados
settings-reminders_paused = en pausa
settings-next_none = ninguno mientras estén en pausa
settings-ask_timezone = ¿En qué zona horaria estás ahora? Toca una opción, o escribe una ciudad o el nombre de una zona, como Europe/Berlin.
settings-ask_time = ¿A qué hora quieres que te pregunte cada día a partir de ahora? Toca una opción, o escribe una hora como 21:15.
settings-change_timezone = 🌍 Cambiar zona horaria
settings-change_time = ⏰ Cambiar hora del check-in
settings-move_time = ⏰ Mover { $time }
settings-remove_time = ✖ Quitar { $time }
settings-add_time = ➕ Añadir un check-in
settings-ask_move_time = ¿A qué hora quieres mover el check-in de las { $time }? Toca una opción, o escribe una hora como 21:15.
settings-ask_add_time = ¿A qué hora quieres el nuevo check-in? Uno de mañana (antes del mediodía, con otro más tarde) pregunta por tu sueño y cómo está tu cara al despertar; los demás, por los espasmos desde el anterior, el estrés y los desencadenantes. Toca una hora, o escribe una como 07:30.
settings-time_added = Check-ins cada día: { $times }.
settings-time_removed = Se quitó el check-in de las { $time }. Check-ins cada día: { $times }.
settings-times_full = Ya tienes { $count } check-ins al día, el máximo que ofrezco. Mueve o quita uno en /settings.
settings-time_too_close = Las { $time } quedan a menos de una hora de otro de tus check-ins. Elige una hora más separada, por favor.
settings-timezone_saved = Zona horaria configurada: { $timezone }.
settings-fixed_offset_note = Nota: un desfase fijo como este no cambia con el horario de verano. Si en tu país se adelanta o se atrasa la hora durante el año, elige mejor tu ciudad (envía /settings).
settings-time_saved = Check-in diario configurado a las { $time }.
settings-paused = Los recordatorios están en pausa. Tu diario se queda tal como está; envía /resume para volver a activarlos.
settings-already_paused = Los recordatorios ya están en pausa. Envía /resume para volver a activarlos.
settings-resumed = Los recordatorios vuelven a estar activados. Próximo check-in: { $next_checkin }.
settings-already_on = Los recordatorios ya están activados. Próximo check-in: { $next_checkin }.

## checkin

checkin-scheduled_intro = Es la hora de tu check-in 🌿
checkin-ask_spasm = ¿Has tenido algún espasmo facial desde el último check-in?
checkin-morning_intro = Buenos días 🌅 Es la hora de tu check-in de la mañana.
checkin-ask_spasm_morning = ¿Cómo está tu cara esta mañana? ¿Algún espasmo desde que te despertaste?
checkin-log_intro = Vamos a registrar este episodio.
checkin-ask_locations = ¿Dónde fue? Toca todas las opciones que correspondan y luego Listo.
checkin-another_day = 📅 Otro día
checkin-ask_day = ¿Qué día fue? (Hoy, o un día de las últimas dos semanas.)
checkin-day_today = Hoy
checkin-day_yesterday = Ayer
checkin-day_button = { $weekday } { $day }
checkin-day_line = 📅 Para el { $day }
checkin-day_taken = Ese día ya tiene un check-in. Para cambiarlo, ábrelo desde /history.
checkin-day_future = Ese día todavía no ha llegado, así que no he registrado nada. Cuéntamelo cuando haya pasado.
checkin-seen_day = Día: { $day }
checkin-ask_sides = ¿De qué lado de la cara? ({ $places }) Toca una opción para cada lugar, u Omitir.
checkin-skip = Omitir
checkin-side_choice = { $place }: { $side }
checkin-place_side = { $place } ({ $side })
checkin-ask_severity = ¿Con qué intensidad, de 0 (apenas se nota) a 10 (lo peor)?
checkin-ask_duration = ¿Cuánto duró, más o menos?
checkin-ask_stress = ¿Cuánto estrés has sentido, de 0 (tranquilidad) a 10 (muchísimo)?
checkin-ask_triggers = ¿Algo que pudo haberlo provocado? Toca todas las opciones que correspondan y luego Listo.
checkin-ask_day_held = ¿Qué tal fue tu día? Toca todas las opciones que correspondan y luego Listo. (Ayuda a encontrar patrones más adelante.)
checkin-pick_a_location = Elige al menos un lugar (u Otro) y luego Listo.
checkin-yes = Sí
checkin-no = No
checkin-later = ⏰ Más tarde
checkin-snooze_ask = ¿Cuándo te vuelvo a preguntar?
checkin-snooze_1h = En 1 hora
checkin-snooze_3h = En 3 horas
checkin-snooze_tomorrow = Mañana
checkin-snoozed = De acuerdo, te vuelvo a preguntar a las { $time }.
checkin-snoozed_tomorrow = De acuerdo, hoy no hay check-in. Nos vemos en el de mañana.
checkin-snooze_once = Este check-in ya se pospuso una vez hoy; aquí lo tienes cuando quieras.
checkin-followup_intro = ¿Sigues ahí? Tu check-in te espera, cuando tengas un momento.
checkin-done = Listo ✔
checkin-back = ↩ Atrás
checkin-saved_title = Guardado ✅ { $date }
checkin-line_spasm = Espasmos: { $locations }; intensidad { $severity }/10; { $duration }
checkin-line_no_spasm = Espasmos: ninguno
checkin-line_stress = Estrés: { $stress }/10
checkin-line_triggers = Posibles desencadenantes: { $triggers }
checkin-line_no_triggers = Posibles desencadenantes: ninguno anotado
checkin-line_note = Nota: { $note }
checkin-line_redflags = También indicaste: { $flags }
checkin-note_prompt = Para añadir una nota, toca Añadir una nota o responde a este mensaje.
checkin-add_note = 📝 Añadir una nota
checkin-note_ask = Escribe tu nota y envíala. (Toca Cancelar si cambiaste de opinión.)
checkin-note_empty = La nota estaba vacía, así que no se añadió nada. Escribe tu nota o toca Cancelar.
checkin-note_too_long = Esa nota tiene más de { $limit } caracteres, así que no la guardé. Envía una más corta o toca Cancelar.
checkin-note_saved = Nota añadida a tu registro del { $date }.
checkin-correct = ✏️ Corregir
checkin-correct_title = ¿Qué quieres corregir?
checkin-field_spasm = Espasmos
checkin-field_stress = Estrés
checkin-field_triggers = Desencadenantes
checkin-field_sleep = Sueño
checkin-field_where = Dónde
checkin-field_strength = Intensidad
checkin-field_duration = Duración
checkin-field_redflags = También indicado
checkin-value_none = ninguno
checkin-value_unset = sin registrar
checkin-change_title = Esto es lo que cambiaría en tu registro del { $date }:
checkin-change_line = { $field }: { $old } → { $new }
checkin-no_change = Tu registro ya dice eso: no cambiaría nada.
checkin-ask_sleep = ¿Cuántas horas dormiste? Toca un número, o escribe uno como 6,5.
checkin-sleep_none = Sin registrar
checkin-in_progress = Tienes un check-in a medias; aquí lo tienes otra vez.
checkin-stale = Ese check-in está cerrado, así que no se cambió nada. Envía /checkin para empezar uno nuevo.
checkin-number_hint = Toca un número del 0 al 10, o escríbelo.
checkin-use_buttons = Tu check-in espera que toques uno de sus botones de arriba. Envía /checkin para verlo otra vez.
checkin-tips_title = Algo que puede ayudarte:
checkin-tip_line =
    • { $text }
      (Fuente: { $source })
checkin-understood_title = Esto es lo que entendí:
checkin-seen_spasm = Espasmos: sí
checkin-seen_where = Dónde: { $locations }
checkin-seen_strength = Intensidad: { $severity }/10
checkin-seen_duration = Duración: { $duration }
checkin-line_sleep = Sueño: { $hours } h
checkin-review_ask = ¿Es correcto? Guárdalo en tu diario o edítalo antes.
checkin-save = ✅ Guardar
checkin-edit = ✏️ Editar
checkin-minutes = { $count } min
checkin-hours = { $count } h
checkin-days = { $count ->
        [one] { $count } día
       *[other] { $count } días
    }
checkin-duration_unknown = duración no anotada
checkin-about_a_minute = un minuto o menos
checkin-locations-eyelid = Párpado
checkin-locations-eyebrow = Ceja
checkin-locations-cheek = Mejilla
checkin-locations-nose = Nariz
checkin-locations-lip = Labio / comisura
checkin-locations-jaw = Mandíbula
checkin-locations-chin = Barbilla
checkin-locations-forehead = Frente
checkin-locations-other = Otro
checkin-side_buttons-left = Izquierdo
checkin-side_buttons-right = Derecho
checkin-side_buttons-both = Ambos
checkin-side_names-left = lado izquierdo
checkin-side_names-right = lado derecho
checkin-side_names-both = ambos lados
checkin-durations-seconds = Segundos
checkin-durations-minutes = Minutos
checkin-durations-hour = Alrededor de una hora
checkin-durations-day = Casi todo el día
checkin-triggers-stress = Estrés
checkin-triggers-poor_sleep = Dormir mal
checkin-triggers-fatigue = Cansancio
checkin-triggers-caffeine = Cafeína
checkin-triggers-alcohol = Alcohol
checkin-triggers-screen = Tiempo frente a pantallas
checkin-triggers-overuse = Hablar, masticar, apretar la mandíbula
checkin-triggers-medication = Medicamento nuevo
checkin-triggers-not_sure = No lo sé

## safety

safety-emergency =
    Llama ahora al { $number }.

    Mencionaste { $reasons }. Con espasmos faciales, eso requiere atención de emergencia de inmediato.

    Mientras esperas:
    • Quédate con alguien, o pide a alguien que venga contigo. Deja la puerta sin llave si puedes.
    • No conduzcas tú.
    • Anota la hora en que empezó; los médicos te lo preguntarán.
    • Si alguien está inconsciente pero respira, ponlo de lado.

    Soy un diario, no un servicio médico: no puedo pedir ayuda y nadie vigila estos mensajes. Si estabas a mitad de un check-in, se guarda tal como estaba: termínalo más tarde con /checkin.
safety-still_urgent =
    Llama ahora al { $number }, aunque ya se te haya pasado.

    Me alegra que te encuentres mejor, pero los síntomas parecidos a una convulsión o a un ictus que pasan rápido también necesitan atención urgente: pueden ser el aviso de algo más grave. Yo no puedo pedir ayuda por ti.
safety-urgent =
    Conviene que te vea un médico pronto, en los próximos días ({ $reasons }).
    Si de repente empeora, o viene con una convulsión, un desmayo, debilidad, dificultad para respirar o dificultad para hablar, llama de inmediato al { $number }.
safety-prompt_care = Una nota de tu diario: por favor, consulta pronto a un médico por tus espasmos ({ $reasons }). Lo que has registrado aquí le servirá de ayuda.
safety-ask_redflags = ¿Algo más en este momento?
safety-none_of_these = Nada de esto
safety-and_word = y
safety-if_it_happens = Si eso llega a pasar, llama de inmediato al { $number }: necesita atención de emergencia, pase lo que pase.
safety-reasons-seizure = una convulsión
safety-reasons-unconscious = un desmayo o pérdida del conocimiento
safety-reasons-paralysis = no poder mover una parte del cuerpo o de la cara
safety-reasons-breathing = dificultad para respirar
safety-reasons-face_droop = la cara caída
safety-reasons-weakness = debilidad en un brazo, una pierna o un lado del cuerpo
safety-reasons-speech = habla arrastrada o pérdida del habla
safety-reasons-numbness = entumecimiento repentino en un lado
safety-reasons-vision = pérdida repentina de la vista o visión doble
safety-reasons-stroke = posibles señales de un ictus
safety-reasons-help = que puedes necesitar ayuda de emergencia
safety-reasons-signs = señales que pueden indicar una emergencia
safety-buttons-seizure = Convulsión
safety-buttons-unconscious = Desmayo o pérdida del conocimiento
safety-buttons-paralysis = Debilidad, no puedo mover una parte del cuerpo o cara caída
safety-buttons-breathing = Dificultad para respirar
safety-buttons-speech = Habla arrastrada o pérdida del habla
safety-urgent_reasons-worsening = espasmos que empeoran
safety-urgent_reasons-spreading = espasmos que se extienden
safety-urgent_reasons-persistent = espasmos que no paran
safety-urgent_reasons-weak_or_stiff = debilidad o rigidez
safety-urgent_reasons-other_symptoms = otros síntomas además de los espasmos
safety-urgent_reasons-most_days = espasmos casi todos los días durante más de dos semanas
safety-urgent_reasons-severity_up = espasmos cada vez más fuertes en las últimas tres semanas
safety-urgent_reasons-new_areas = espasmos en más lugares que antes
safety-urgent_reasons-medication = un medicamento nuevo como posible desencadenante

## summary

summary-title_week = Tu semana: del { $start } al { $end }
summary-title_month = Tus últimos 30 días: del { $start } al { $end }
summary-too_little = Todavía hay poco en tu diario del { $start } al { $end }: { $recorded }. Con unos cuantos check-ins más podré mostrarte un resumen con un gráfico. Envía /checkin cuando quieras.
summary-days_recorded = { $count ->
        [one] { $count } día registrado
       *[other] { $count } días registrados
    }
summary-line_days = Días con espasmos: { $spasm_days } de { $days } registrados { $trend }
summary-line_episodes = Registros de espasmos: { $episodes } { $trend }
summary-line_severity = Intensidad: media { $average }/10, máxima { $highest }/10 { $trend }
summary-line_no_severity = Intensidad: no se registraron espasmos
summary-line_stress = Estrés: media { $average }/10 { $trend }
summary-line_sleep = Sueño: media { $hours } h { $trend }
summary-line_places = Lugares: { $places }
summary-line_triggers = Desencadenantes más frecuentes: { $triggers }
summary-line_no_triggers = Desencadenantes: ninguno anotado
summary-trend_up = (↑ desde { $before })
summary-trend_down = (↓ desde { $before })
summary-trend_same = (igual que antes)
summary-insight = Espasmos en { $high_spasm } de { $high_days } días de mucho estrés, y en { $calm_spasm } de { $calm_days } días más tranquilos.
summary-tip = Para { $trigger }: { $tip }
summary-change_start = 💊 Empezaste { $name }{ $dose } el { $day }.
summary-change_dose = 💊 { $name }: dosis cambiada a{ $dose } el { $day }.
summary-change_stop = 💊 Dejaste { $name } el { $day }.
summary-change_followed = Desde entonces: espasmos en { $spasm_days } de { $days } anotados, intensidad media { $after }/10 contando los días sin espasmos como 0 (la semana anterior: { $before }/10).
summary-change_followed_alone = Desde entonces: espasmos en { $spasm_days } de { $days } anotados, intensidad media { $after }/10 contando los días sin espasmos como 0 (no hay días anotados la semana anterior, así que no hay con qué comparar).
summary-change_too_early = Es pronto para saber qué pasó después: { $days } anotados desde entonces.
summary-change_days = { $count ->
        [one] { $count } día
       *[other] { $count } días
    }
summary-more = Más sobre tu semana:
summary-chart_title = Del { $start } al { $end }
summary-chart_severity = Intensidad de los espasmos (0–10)
summary-chart_stress = Estrés (0–10)
summary-chart_no_checkin = sin check-in
summary-chart_no_spasm = sin espasmos
summary-weekly_intro = Aquí tienes tu resumen semanal 📊
summary-settings_button = 📊 Resumen semanal: { $day } { $time }
summary-ask_day = ¿Qué día quieres recibir tu resumen semanal?
summary-ask_time = ¿Y a qué hora? Toca una opción, o escribe una hora como 18:30.
summary-saved = Recibirás tu resumen semanal cada { $day } a las { $time }.
summary-days-0 = lunes
summary-days-1 = martes
summary-days-2 = miércoles
summary-days-3 = jueves
summary-days-4 = viernes
summary-days-5 = sábado
summary-days-6 = domingo

## history

history-title = Tus registros recientes (los más nuevos primero). Toca uno para verlo, corregirlo o borrarlo.
history-empty = Tu diario todavía está vacío. Envía /checkin para añadir el primer registro.
history-entry_button = { $date }: { $summary }
history-spasm_short = espasmos { $severity }/10
history-no_spasm_short = sin espasmos
history-episode_short = episodio { $severity }/10
history-partial_short = sin terminar
history-delete = 🗑 Borrar
history-confirm_delete = ¿Borrar tu registro del { $date }? No se puede deshacer.
history-yes_delete = Sí, bórralo
history-keep = No, consérvalo
history-deleted = Se borró tu registro del { $date }.
history-kept = Lo he conservado.
history-alerts_title = Alertas de señales de alarma y avisos para ir al médico que recibiste:
history-alert_line = • { $when }: { $level } ({ $what })
history-alert_emergency = emergencia
history-alert_urgent = consultar pronto a un médico

## export

export-preparing = Preparando tu diario: una hoja de cálculo (CSV) y un informe para tu médico (PDF)…
export-empty = Todavía no hay nada que exportar: tu diario está vacío.
export-csv_caption = Todos los registros de tu diario, en una hoja de cálculo.
export-pdf_caption = Un informe para llevar a tu médico.
export-csv_filename = diario-de-espasmos.csv
export-csv_header = fecha,hora,tipo,estado,espasmos,zonas,lados,intensidad,duración,duración_minutos,señales_de_alarma,estrés,desencadenantes,horas_de_sueño,notas
export-pdf_filename = informe-diario-de-espasmos.pdf
export-report_title = Diario de espasmos faciales
export-report_period = Periodo: del { $start } al { $end } ({ $length })
export-report_days = { $count ->
        [one] { $count } día
       *[other] { $count } días
    }
export-report_disclaimer = Diario autoinformado que lleva el paciente en la aplicación Spasm Diary; los registros son las propias palabras y selecciones del paciente, no un diagnóstico. Las horas son la hora local del paciente. La intensidad y el estrés están en una escala de 0-10.
export-report_summary = Resumen
export-report_charts = Intensidad de los espasmos y estrés por día
export-report_triggers = Posibles desencadenantes indicados
export-report_events = Señales de alarma indicadas
export-report_no_events = No se indicó ninguna.
export-report_entries = Registros del diario
export-report_col_date = Fecha
export-report_col_time = Hora
export-report_col_kind = Registro
export-report_col_places = Lugares (lado)
export-report_col_strength = Intensidad
export-report_col_duration = Duración
export-report_col_stress = Estrés
export-report_col_sleep = Sueño
export-report_col_triggers = Desencadenantes indicados
export-report_col_notes = Notas
export-report_col_reported = Indicado
export-report_col_advised = Consejo dado por la aplicación
export-source_text = en un mensaje
export-source_checkin = en la pregunta de señales de alarma del check-in
export-source_diary = a partir del patrón de los registros del diario
export-advised_emergency = Llamar de inmediato al número de emergencias local
export-advised_urgent = Consultar pronto a un médico
export-report_no_spasms = ninguno
export-level_emergency = emergencia
export-level_urgent = consultar pronto a un médico
export-kind_checkin = check-in
export-kind_episode = episodio
export-kind_morning = mañana

## general

general-help =
    Esto es lo que puedo hacer:
    /checkin: responder un check-in ahora
    /log: registrar un episodio de espasmos que está ocurriendo ahora
    /causes: qué puede causar los espasmos faciales y qué ayuda (o simplemente hazme una pregunta)
    /summary: tu semana, con un gráfico (/summary month para 30 días)
    /history: tus registros recientes, para corregirlos o borrarlos
    /export: tu diario como hoja de cálculo y un informe para tu médico
    /treatment: tus inyecciones de toxina botulínica y cómo va cada ciclo
    /settings: cambiar tu zona horaria y la hora del check-in
    /language: elegir el idioma en que te escribo
    /pause: detener los recordatorios diarios
    /resume: volver a activarlos
    /cancel: detener lo que esté en curso (una nota, un borrador, una corrección); lo que ya está guardado en tu diario no cambia
    /privacy: qué guardo sobre ti y cómo borrarlo
    /delete: borrar todo lo que guardo sobre ti
    /help: esta lista

    Soy un diario, no un médico: no puedo diagnosticar nada y no sirvo para emergencias. Si un espasmo viene con una convulsión, un desmayo, debilidad o dificultad para respirar, llama ahora a tu número de emergencias.
general-unknown_text = No sé bien qué hacer con eso. Envía /checkin para registrar cómo estás, o /help para ver todo lo que puedo hacer.
general-button_expired = Ese botón ya no funciona, así que no se cambió nada. Envía /help para ver lo que puedo hacer.
general-unknown_command = No conozco ese comando. Envía /help para ver lo que puedo hacer.
general-error = Lo siento, algo falló por mi parte. Lo que escribiste antes está a salvo; inténtalo de nuevo.
general-not_text =
    Solo puedo leer mensajes escritos: no puedo abrir fotos, stickers, mensajes de voz, vídeos, archivos ni ubicaciones. Escribe lo que quieras contarme.
    Si algo te parece urgente, llama ahora a tu número de emergencias local.
general-edited = He visto que editaste un mensaje. Las ediciones no cambian tu diario: para corregir un registro, envía /history.
general-forwarded = Ese mensaje era reenviado, así que no lo he añadido a tu diario: solo registro lo que me escribes tú directamente.
general-too_long = Ese mensaje es demasiado largo para mí (más de 4096 caracteres), así que no lo he guardado. Envíalo en partes más cortas.
general-slow_down =
    Estás enviando mensajes más rápido de lo que puedo responder, así que voy a pausar mis respuestas durante un minuto.

    No se pierde nada de lo que escribes: las respuestas del check-in, las notas y los informes se guardan (envía /checkin después para seguir donde lo dejaste). Si mencionas un síntoma de emergencia, te responderé igualmente de inmediato. Los comandos y preguntas que envíes mientras tanto no recibirán respuesta, así que vuelve a enviarlos dentro de un minuto.
general-greeting_reply = ¡Hola! 🌿 Cuéntame cómo ha estado tu cara (por ejemplo, "me tiembla el párpado izquierdo, estrés 6"), envía /checkin para hacer un check-in, o hazme una pregunta.
general-thanks_reply = ¡De nada! 🌿 Aquí estoy cuando quieras registrar algo o hacerme una pregunta.
general-cancelled = Cancelado. Tu diario está como estaba.
general-nothing_to_cancel = No había nada en curso que cancelar.
general-cancel = ✖ Cancelar

## privacy

privacy-privacy =
    Qué guardo y por qué:
    • tus ajustes (zona horaria, horas del check-in y del resumen), para escribirte en el momento adecuado;
    • tus respuestas a los check-ins y tus notas, los episodios y las veces que te insté a buscar atención médica, para que puedas ver tus resúmenes, tu historial y el informe para tu médico;
    • un registro de cada mensaje que te envío, para que un recordatorio nunca salga dos veces;
    • tus mensajes entrantes, durante 3 días como máximo, para que no se pierda ninguno si me reinicio.

    Durante cuánto tiempo: hasta que lo borres. No se comparte nada con nadie, y mis registros técnicos nunca contienen lo que escribes ni tus datos de salud.

    /export te envía todo como hoja de cálculo y un informe.
    /delete lo borra todo, para siempre.
privacy-delete_ask = Esto borra tus ajustes y todos los registros, notas y datos que tengo sobre ti, para siempre. No se puede deshacer. ¿Borrar todo?
privacy-delete_yes = 🗑 Sí, borrar todo
privacy-delete_no = Cancelar
privacy-deleted = Hecho: se ha borrado todo lo que guardaba sobre ti. Si algún día quieres empezar de nuevo, envía /start.
privacy-nothing_stored = No tenía nada guardado sobre ti, así que no había nada que borrar. Envía /start para empezar.
privacy-delete_cancelled = Cancelado: no se borró nada.
privacy-private_only = Por tu privacidad, solo funciono en chats privados. Escríbeme directamente; ahora salgo de este chat.


## language

language-name = Español
language-ask = ¿En qué idioma quieres que te escriba?
language-saved = Hecho: a partir de ahora te escribiré en español.
language-only_one = Por ahora solo puedo escribir en un idioma.
language-day_format = d MMM yyyy

## admin

admin-stats =
    Spasm Diary en cifras
    Personas: { $people }
    Activas en los últimos 7 días: { $active }
    Check-ins respondidos: { $checkins } ({ $checkins_week } en los últimos 7 días)
    Escaladas (eventos de seguridad): { $escalations } ({ $escalations_week } en los últimos 7 días)

    Activa: inició o respondió un check-in o un episodio (con botones, escribiendo o con sus palabras), o envió un mensaje con una señal de alarma, en los últimos 7 días.
admin-error_alert = ⚠️ Error no controlado: { $kind } en { $where }. La traza está en el log.
admin-error_alert_held = { $count } más de este tipo desde la última alerta.

## treatment

treatment-none_yet =
    Todavía no hay ningún tratamiento registrado.

    Si te ponen inyecciones de toxina botulínica (bótox), añade cada una aquí. Con tus check-ins podré seguir contigo cada ciclo: cuándo empieza el alivio, cuándo hace más efecto y cuándo se pasa el efecto.
treatment-last_injection = 💉 Última inyección: { $day }. Hoy es el día { $cycle_day } de este ciclo (semana { $week }).
treatment-wearing_off_since = 📉 Dijiste que el efecto empezó a pasarse el { $day }.
treatment-pattern_intro = En tus últimos { $count } ciclos terminados:
treatment-pattern_onset = el alivio empezó hacia el día { $day }
treatment-pattern_best = funcionó mejor en la semana { $week }
treatment-pattern_wear_off = el efecto se pasó hacia la semana { $week }
treatment-add_injection = 💉 Añadir una inyección
treatment-wearing_off = 📉 Se está pasando el efecto
treatment-ask_day = ¿Cuándo fue la inyección? (Hoy, un día de las últimas dos semanas, o antes.)
treatment-weeks_ago = { $count ->
        [one] hace { $count } semana
       *[other] hace { $count } semanas
    }
treatment-confirm =
    💉 Inyección de toxina botulínica el { $day }.

    ¿Dónde te la pusieron? Es opcional: toca los lugares y el lado, y luego Guardar.
treatment-where_line = 📍 Dónde: { $where }
treatment-report_where = lugar de inyección: { $where }
treatment-save = ✅ Guardar
treatment-cancel = ✖️ Cancelar
treatment-saved = ✅ Guardado: inyección el { $day }. Seguiré este ciclo en tus check-ins.
treatment-cancelled = Cancelado: no se guardó nada.
treatment-future = Ese día todavía no ha llegado, así que no he registrado nada. Añade la inyección cuando ya te la hayan puesto.
treatment-same_day = Ya hay una inyección el { $day }. He conservado esa y no he añadido nada.
treatment-wearing_off_saved =
    📉 Anotado: el efecto de tu inyección empezó a pasarse el { $day }, en la semana { $week } de este ciclo.

    Si se pasa antes de lo que te gustaría, vale la pena comentarlo en la clínica en tu próxima cita: a veces se puede ajustar el intervalo o la dosis.
treatment-wearing_off_already = Me dijiste que el efecto empezó a pasarse el { $day }; eso se queda como está.
treatment-no_injection = Todavía no hay ninguna inyección registrada, así que no hay efecto que se pase. Envía /treatment para añadir una primero.
treatment-stale = Ese botón ya no funciona, así que no se cambió nada. Envía /treatment para empezar de nuevo.
treatment-cycle_line = 💉 Día { $day } desde tu inyección (semana { $week }).
treatment-ask_started = ¿Ha empezado a hacer efecto? Cuenta si hay menos espasmos o son más leves.
treatment-started_yes = Sí, lo noto
treatment-started_no = Todavía no
treatment-ask_effect = ¿Qué tal está funcionando ahora mismo?
treatment-effect_0 = 0 · nada
treatment-effect_1 = 1 · un poco
treatment-effect_2 = 2 · en parte
treatment-effect_3 = 3 · bien
treatment-effect_4 = 4 · sin espasmos
treatment-started_saved = ¡Qué bien! El alivio empezó hacia el día { $day }. Te preguntaré qué tal funciona dentro de una semana, más o menos.
treatment-not_yet_saved = Anotado. A menudo tarda unos días más en empezar; te volveré a preguntar en tu próximo check-in.
treatment-effect_saved = Anotado para hoy: { $label }.
treatment-cycle_answered = Ya respondiste a esto hoy, así que he conservado esa respuesta.
treatment-cycle_stale = Esa pregunta era sobre una inyección anterior, así que no se cambió nada.
treatment-draft_injection = 💉 Inyección de toxina botulínica{ $dose } el { $day }.
treatment-draft_medicine = 💊 Empezaste { $name }{ $dose } el { $day }.
treatment-draft_dose = 💊 { $name }: nueva dosis{ $dose } desde el { $day }.
treatment-draft_stop = 💊 Dejaste { $name } el { $day }.
treatment-draft_surgery = 🏥 Cirugía ({ $name }) el { $day }.
treatment-draft_ask = ¿Lo guardo en tu diario?
treatment-dose_part = {" "}{ $dose } { $unit }
treatment-dose_unreadable = No pude leer la dosis como un número, así que la he dejado fuera. Para incluirla, escríbela así: 0.5 mg.
treatment-not_found = { $name } no está entre los medicamentos que tomas según tu diario, así que no he cambiado nada. Para añadirlo, escribe por ejemplo: empecé { $name } 10 mg el lunes.
treatment-stop_before_start = El { $day } es anterior a cuando empezaste { $name } ({ $started }), así que no he cambiado nada. Revisa el día y vuelve a escribirlo.
treatment-draft_saved = ✅ Guardado.
treatment-draft_gone = Esa tarjeta ya no está vigente (se guardó, se canceló o se sustituyó por una más reciente), así que no cambió nada.
treatment-medicines_title = 💊 Medicamentos que tomas:
treatment-medicine_line = • { $name }{ $dose }, desde el { $since }
treatment-surgery_line = 🏥 { $name } el { $day }
treatment-day_unclear = No supe qué día era, así que no he registrado nada. Vuelve a escribirlo con el día, como "el 14 de nov.", "hace 3 semanas" o "ayer". Para una inyección también puedes elegir el día en /treatment.
treatment-draft_side_effect = ⚠️ Después de tu inyección del { $injected }: { $effects } (anotado el { $day }).
treatment-tell_clinic = Díselo pronto a la clínica donde te pusieron la inyección. Estos efectos suelen desaparecer a medida que se pasa el efecto de la inyección, y puede que la clínica cambie dónde o cuánto inyecta la próxima vez. Si tienes dificultad para tragar, hablar o respirar, llama de inmediato a tu número de emergencias.
treatment-side_effect_saved = ✅ Guardado: { $effects }.
treatment-no_injection_for_effect = Parece un efecto secundario de una inyección, pero no hay ninguna inyección en tu diario antes de ese día, así que no lo he registrado. Añade primero la inyección en /treatment y luego vuelve a contármelo.
treatment-report_side_effect = ⚠️ Un efecto secundario
treatment-side_effects_line = ⚠️ Efectos secundarios en este ciclo: { $effects }.
treatment-report_heading = Tratamiento
treatment-report_cycle = Inyección de toxina botulínica el { $day }{ $dose }, ciclo hasta { $until }
treatment-report_current = ahora (ciclo actual)
treatment-report_said = (indicado por el paciente)
treatment-report_from_diary = (según las valoraciones de intensidad del diario)
treatment-report_no_signal = muy pocos check-ins para saber el inicio, la mejor semana o cuándo se pasa el efecto
treatment-report_no_relief = sin alivio claro en las valoraciones de intensidad hasta ahora (ninguna semana una cuarta parte por debajo de las dos semanas anteriores)
treatment-report_side_effects = Efectos secundarios: { $effects }
treatment-report_ratings = Valoraciones del efecto (de 0 nada a 4 sin espasmos): { $ratings }
treatment-report_medicine = { $name }{ $dose } desde el { $since }
treatment-report_change = cambiado a{ $dose } el { $day }
treatment-report_stopped = suspendido el { $day }
treatment-report_scores = Puntuación autoevaluada (cuánto molesta, con qué frecuencia; 0-4): antes { $before }, 4-6 semanas después { $after }
treatment-csv_filename = diario-de-espasmos-tratamientos.csv
treatment-csv_header = fecha,tipo,nombre,dosis,unidad,detalle,inicio_del_tratamiento
treatment-ask_severity = ¿Cuánto te molestan los espasmos en lo que haces? 0 nada · 1 un poco · 2 algunas cosas cuestan más · 3 leer, usar pantallas o conducir cuesta · 4 apenas puedes mantener los ojos abiertos o pasar el día.
treatment-ask_frequency = ¿Con qué frecuencia aparecen? 0 nunca · 1 unas cuantas veces por semana · 2 cada día, brevemente · 3 muchas veces al día · 4 casi todo el tiempo.
treatment-score_before_intro = Dos preguntas rápidas sobre cómo están las cosas justo antes de esta inyección, para poder mostrar el cambio más adelante.
treatment-score_start_intro = Dos preguntas rápidas sobre cómo están las cosas ahora, como punto de partida: las puntuaciones posteriores, antes y después de cada inyección, se compararán con esta.
treatment-score_start_line = 📊 Tu puntuación inicial ({ $day }; cuánto molesta, con qué frecuencia; 0-4): { $score }.
treatment-report_start_score = Puntuación autoevaluada al inicio ({ $day }; cuánto molesta, con qué frecuencia; 0-4): { $score }
treatment-score_after_intro = De 4 a 6 semanas después de tu inyección: las mismas dos preguntas que antes de ella, para ver el cambio.
treatment-score_saved = Guardado: cuánto molesta { $severity }/4, con qué frecuencia { $frequency }/4.
treatment-score_change = Antes de la inyección: { $before }. Ahora: { $after }.
treatment-score_line = 📊 Tu puntuación (cuánto molesta, con qué frecuencia; 0-4): antes de la inyección { $before }, 4-6 semanas después { $after }.
treatment-score_pair = { $severity } y { $frequency }
treatment-score_none = sin respuesta
treatment-booking_button = ⏰ Recordatorio para pedir cita: { $weeks }
treatment-booking_off = desactivado
treatment-booking_menu = ¿Cuándo quieres que te recuerde pedir cita para tu próxima inyección? Elige cuánto tiempo después de cada inyección.
treatment-booking_weeks = { $count ->
        [one] { $count } semana
       *[other] { $count } semanas
    }
treatment-booking_set = Te recordaré pedir cita para tu próxima inyección el { $day }, a la hora de tu check-in.
treatment-booking_waiting = Te recordaré pedir cita { $weeks } después de tu próxima inyección.
treatment-booking_cleared = Los recordatorios para pedir cita están desactivados.
treatment-medicine_button = 💊 Recordatorio de medicamentos: { $time }
treatment-medicine_menu = ¿A qué hora quieres que te recuerde cada día tomar tus medicamentos?
treatment-medicine_set = Te recordaré cada día a las { $time } que tomes tus medicamentos, con un botón para marcar cada uno que tomes.
treatment-medicine_cleared = Los recordatorios de medicamentos están desactivados.
treatment-medicine_reminder = 💊 Es la hora de tus medicamentos: { $medicines }. Toca cada uno cuando lo hayas tomado.
treatment-medicine_none = 💊 Es la hora de tus medicamentos, pero ahora no hay ningún medicamento en tu diario. Envía /treatment para desactivar este recordatorio.
treatment-taken_button = ✅ { $name } tomado
treatment-recovery_ask = 🏥 Semana { $weeks } después de tu operación. La mejoría tras una cirugía de descompresión suele llegar despacio, a lo largo de semanas o meses, así que sigue con tus check-ins. Desde la operación, ¿ha cambiado la audición de ese lado o la fuerza de tu cara?
treatment-recovery_ok = Sin cambios
treatment-recovery_hearing = Oigo peor
treatment-recovery_weakness = Cara más débil
treatment-recovery_ok_saved = Anotado. Tus check-ins mostrarán los cambios lentos a medida que lleguen.
treatment-recovery_tell_surgeon = Anotado. Díselo pronto al equipo de tu cirujano. Si de repente se te cae un lado de la cara, no puedes hablar o tienes un dolor de cabeza fuerte y repentino, llama de inmediato a tu número de emergencias.
treatment-taken_saved = ✅ Anotado para hoy: { $name } tomado.
treatment-booking_reminder = ⏰ Es hora de pedir cita para tu próxima inyección de toxina botulínica, como me pediste. Envía /treatment para ver cómo ha ido este ciclo y contárselo a la clínica.
treatment-chart_title = Tus ciclos de inyecciones
treatment-chart_x = Semanas desde la inyección
treatment-chart_y = Intensidad de los espasmos (0-10, media de 7 días)
treatment-chart_caption = Tus últimos ciclos de inyecciones, uno al lado del otro: la línea gruesa es el actual.
treatment-csv_caption = Tus tratamientos: cada inyección, medicamento y operación, y lo que registraste después de cada uno.
treatment-ask_side_effect = ¿Qué efecto secundario? Toca el que tienes (vuelve a tocar para añadir otro).
treatment-injection_not_from_report = 💉 También mencionaste una inyección. Leí ese mensaje solo como un check-in, así que la inyección no está en tu diario: para añadirla, envíala por separado ("me pusieron el bótox el 3 de marzo") o usa /treatment.
treatment-typed_hint = Para añadir un medicamento o una operación, escríbelo como lo dirías: "empecé clonazepam 0.5 mg ayer", "subí el baclofeno a 20 mg", "dejé la gabapentina el lunes", "me operaron de descompresión microvascular el 3 de marzo".
treatment-side_effects-droop = el párpado caído
treatment-side_effects-double_vision = visión doble o borrosa
treatment-side_effects-dry_eye = el ojo seco
treatment-side_effects-watering = lagrimeo
treatment-side_effects-cannot_close = dificultad para cerrar el ojo

## commands

commands-start = Configurar o ver tus ajustes
commands-checkin = Responder un check-in ahora
commands-log = Registrar un espasmo que ocurre ahora
commands-causes = Qué causa los espasmos y qué ayuda
commands-summary = Tu semana (o mes) con un gráfico
commands-history = Registros recientes: corregir o borrar
commands-export = Hoja de cálculo e informe para el médico
commands-treatment = Inyecciones y cómo va cada ciclo
commands-settings = Cambiar zona horaria y hora del check-in
commands-language = Elige el idioma en que te escribo
commands-pause = Pausar los recordatorios diarios
commands-resume = Reanudar los recordatorios diarios
commands-cancel = Detener lo que esté en curso (lo guardado no cambia)
commands-privacy = Qué guardo y cómo borrarlo
commands-delete = Borrar todo lo que guardo sobre ti
commands-help = Lo que puedo hacer

## console

console-intro = Chat de consola de Spasm Diary. Escribe como lo harías en Telegram. Los botones aparecen como [1], [2]...: escribe el texto de un botón o su número para tocarlo (en una pregunta numérica, un número significa ese número). :help muestra los comandos de la consola.
console-help =
    Comandos de la consola:
      :due   tu check-in diario llega ahora
      :week  tu resumen semanal llega ahora
      :demo  llena tu diario con cuatro semanas de registros inventados, para ver /summary, /history y /export en acción
      #N     toca el botón N del mensaje más reciente (cuando N solo se leería como un número)
      :help  esta lista
      :quit  salir (tu diario se conserva)
console-no_buttons = (no hay botones para elegir)
console-bad_choice = (elige un número del 1 al { $count })
console-name_the_flag = (esta pregunta registra una señal de alarma: escribe las palabras de la respuesta, o #N para tocar el botón N)
console-due_none = (primero configura una zona horaria y una hora de check-in, con /start)
console-due_already = (ese check-in ya se envió o ya contaste esa parte del día, y ninguno sale dos veces; respóndelo arriba o envía /checkin)
console-week_none = (primero configura una zona horaria y una hora de check-in, con /start)
console-demo_done = (se añadieron { $count } registros inventados en las últimas cuatro semanas, en días que no tenían ninguno: prueba /summary, /summary month, /history o /export)
console-demo_none = (primero configura una zona horaria y una hora de check-in, con /start; luego :demo)
console-unknown = (comando de consola desconocido; :help los muestra)
console-bye = ¡Adiós! Tu diario está guardado en { $database }.

## webapp

webapp-menu_button = Diario
webapp-open_button = 📊 Abrir mi diario
webapp-title = Tu diario de espasmos
webapp-week = Semana
webapp-month = Mes
webapp-cycles = Ciclos de inyección
webapp-all_places = Todos los lugares
webapp-all_triggers = Todos los desencadenantes
webapp-strength = Espasmo más fuerte del día (0–10)
webapp-stress = Estrés (0–10)
webapp-weeks_since = Fuerza de los espasmos por semana desde cada inyección (el ciclo más reciente es la línea gruesa)
webapp-no_entries = Todavía no hay registros en este periodo.
webapp-no_cycles = Aún no hay inyecciones registradas: añade una con /treatment en el chat.
webapp-not_set_up = Tu diario aún no está configurado: envía /start en el chat primero.
webapp-add_note = Añadir una nota
webapp-note_placeholder = Tu nota
webapp-save = Guardar
webapp-cancel = Cancelar
webapp-delete = Borrar
webapp-note_saved = Nota guardada.
webapp-note_empty = La nota estaba vacía, así que no se guardó nada.
webapp-note_too_long = Esa nota es demasiado larga, así que no se guardó nada. Acórtala, por favor.
webapp-gone = Ese registro ya no está en tu diario.
webapp-error = Algo salió mal y no se cambió nada. Inténtalo de nuevo.
webapp-not_signed_in = Abre esta página desde el bot Spasm Diary en Telegram.
webapp-console_url = Tu diario como página (solo para esta consola): { $url }
webapp-correct = Corregir
webapp-check = Revisar el cambio
webapp-change_line = { $what }: { $before } → { $after }
webapp-nothing_changed = No cambiaría nada.
webapp-corrected = Corrección guardada.
webapp-bad_number = Usa números enteros del 0 al 10, y horas de sueño del 0 al 24 (se admiten medias horas). No se cambió nada.
webapp-no_strength = Ese registro no tiene espasmos que valorar. No se cambió nada.
webapp-strength_short = Intensidad (0–10)
webapp-stress_short = Estrés (0–10)
webapp-sleep_short = Sueño (horas)
webapp-places_short = Dónde
webapp-day_detail = { $day }: espasmo más fuerte { $strength }/10, estrés { $stress }/10
webapp-day_detail_quiet = { $day }: sin espasmos anotados, estrés { $stress }/10
webapp-cycle_detail = Inyección del { $date }, día { $day }: intensidad de los espasmos { $strength }/10
webapp-side_unknown = lado sin anotar
webapp-duration_short = Cuánto duró
webapp-triggers_short = Posibles desencadenantes
webapp-no_triggers = Ninguno de estos
webapp-bad_choice = Esa opción no está en el diario, así que no se cambió nada. Un registro con espasmos necesita al menos un lugar.
